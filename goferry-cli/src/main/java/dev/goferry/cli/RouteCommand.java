package dev.goferry.cli;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RoutePlanner;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.RouteSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry route MODULE[@VERSION]}: the exact sequence of requests the go command would make
 * for a module, from the settings alone (nothing is sent).
 */
@Command(name = "route", mixinStandardHelpOptions = true, sortOptions = false)
final class RouteCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", paramLabel = "MODULE[@VERSION]", descriptionKey = "route.module")
    String module;

    @Override
    public Integer call() {
        Console console = parent.console();
        RouteQuery query;
        try {
            query = RouteQuery.parse(module);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage() + "\n" + console.text("route.error.module"));
        }
        GoSettings settings = GoSettings.resolve(console.environment(), GoOs.current(), LocalFiles.SYSTEM);
        Route route = RoutePlanner.plan(query, RouteSettings.of(settings, console.environment(), GoOs.current()));
        if (console.json()) {
            console.printJson(RouteJson.of(route, settings));
        } else {
            new RouteText(console, route, settings).print();
        }
        return route.goproxyError().isPresent() ? ExitCodes.USAGE : ExitCodes.OK;
    }

    /** The version the file requests name: the canonical version, or a placeholder for a query's result. */
    static String fileVersion(Route route) {
        return route.query().canonicalVersion().orElse("$VERSION");
    }
}
