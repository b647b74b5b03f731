package dev.goferry.cli;

import dev.goferry.proxy.config.ServeConfig;
import dev.goferry.proxy.config.ServeConfigLoader;
import dev.goferry.proxy.server.ProxyServer;
import dev.goferry.proxy.upstream.UpstreamPlan;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry serve}: runs the caching GOPROXY until the process is told to stop (SIGTERM or
 * Ctrl-C), then stops gracefully. Configuration: defaults, then the YAML file, then
 * {@code GOFERRY_SERVE_*} variables, then these flags.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
final class ServeCommand implements Callable<Integer> {

    /** Called once the server runs; tests use it to talk to the server and then close it. */
    static volatile Consumer<ProxyServer> onStarted = server -> { };

    @ParentCommand
    GoferryCommand parent;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "serve.config")
    Path config;

    @Option(names = "--listen", paramLabel = "ADDR", descriptionKey = "serve.listen")
    String listen;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "serve.data")
    String data;

    @Option(names = "--upstream", paramLabel = "LIST", descriptionKey = "serve.upstream")
    String upstream;

    @Option(names = "--offline", descriptionKey = "serve.offline")
    boolean offline;

    @Option(names = "--print-config", descriptionKey = "serve.print-config")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        Console console = parent.console();
        Map<String, String> flags = new LinkedHashMap<>();
        Optional.ofNullable(listen).ifPresent(v -> flags.put("listen", v));
        Optional.ofNullable(data).ifPresent(v -> flags.put("data", v));
        Optional.ofNullable(upstream).ifPresent(v -> flags.put("upstream", v));
        if (offline) {
            flags.put("offline", "true");
        }
        Map<String, String> values;
        ServeConfig cfg;
        try {
            values = ServeConfigLoader.layer(Optional.ofNullable(config), console.environment(), flags);
            cfg = ServeConfigLoader.build(values);
        } catch (ServeConfigLoader.ConfigException e) {
            throw UserError.usage(console.text("serve.error.config", e.getMessage()));
        }
        if (printConfig) {
            console.out().print(ServeConfigLoader.print(values));
            console.out().flush();
            return ExitCodes.OK;
        }
        ProxyServer server = start(console, cfg);
        Thread hook = new Thread(() -> stop(console, server), "goferry-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            onStarted.accept(server);
            server.join();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it stops the server.
            }
        }
        return ExitCodes.OK;
    }

    private static ProxyServer start(Console console, ServeConfig cfg) {
        PrintLines access = new PrintLines(console.out());
        PrintLines security = new PrintLines(console.err());
        ProxyServer server;
        try {
            server = ProxyServer.start(cfg, console.environment(), new ProxyServer.Logs(access,
                    line -> security.accept(console.text("serve.security", line))));
        } catch (UpstreamPlan.InvalidUpstreamException e) {
            throw UserError.usage(console.text("serve.error.upstream", ServeConfigLoader.mask(cfg.upstream()), e.getMessage()));
        } catch (BindException e) {
            throw UserError.failed(console.text("serve.error.listen", cfg.listen(), e.getMessage()));
        } catch (IOException e) {
            if (e.getCause() instanceof BindException b) {
                throw UserError.failed(console.text("serve.error.listen", cfg.listen(), b.getMessage()));
            }
            throw UserError.failed(console.text("serve.error.data", cfg.data(), e.toString()));
        } catch (Exception e) {
            throw UserError.failed(console.text("serve.error.listen", cfg.listen(), e.toString()));
        }
        var err = console.err();
        if (server.sweptPartials() > 0) {
            err.println(console.text("serve.swept", server.sweptPartials()));
        }
        for (String ignored : server.ignoredUpstreams()) {
            err.println(console.text(ignored.equals("direct") ? "serve.warning.direct" : "serve.warning.off"));
        }
        if (cfg.offline()) {
            err.println(console.text("serve.started.offline", server.uri(), server.storage().root()));
        } else {
            if (server.cache().offline()) {
                err.println(console.text("serve.warning.no-upstream"));
            }
            err.println(console.text("serve.started", server.uri(), server.storage().root(),
                    ServeConfigLoader.mask(cfg.upstream())));
        }
        err.println(console.text("serve.use", server.uri()));
        err.flush();
        return server;
    }

    private static void stop(Console console, ProxyServer server) {
        console.err().println(console.text("serve.stopping"));
        console.err().flush();
        try {
            server.close();
        } catch (Exception e) {
            // Stopping is best effort; the process is exiting.
        }
        console.err().println(console.text("serve.stopped"));
        console.err().flush();
    }

    /** Writes whole lines, one at a time, from any thread. */
    private record PrintLines(java.io.PrintWriter out) implements Consumer<String> {
        @Override
        public void accept(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
