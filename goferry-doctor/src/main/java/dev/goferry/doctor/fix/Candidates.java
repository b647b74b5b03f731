package dev.goferry.doctor.fix;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.route.RouteSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Alternatives the run probes besides what the settings use ({@code --candidate},
 * {@code --sumdb-candidate}): they never cause anything, but a fix may switch to one that this same
 * run saw answer correctly. They are probed like the rest, with the proxy decision Go would make.
 */
public final class Candidates {

    private Candidates() {}

    /** {@return a module mirror target per base URL, probed with {@code module}'s {@code @v/list}} */
    public static List<Target> mirrors(List<URI> bases, String module, RouteSettings settings) {
        List<Target> out = new ArrayList<>();
        for (URI u : bases) {
            String base = trimSlash(u.toString());
            URI url = URI.create(base + "/" + Escaping.escapePath(module) + "/@v/list");
            out.add(target(TargetKind.MIRROR, base, url, settings, Message.of("doctor.why.mirror")));
        }
        return out;
    }

    /**
     * {@return a checksum database target per GOSUMDB value, probed at its {@code /latest}}
     *
     * @throws IllegalArgumentException for a value Go would reject, with Go's message
     */
    public static List<Target> sumdbMirrors(List<String> values, RouteSettings settings) {
        List<Target> out = new ArrayList<>();
        for (String v : values) {
            SumDbSetting.Database db = switch (SumDbSetting.parse(v)) {
                case SumDbSetting.Database d -> d;
                case SumDbSetting.Off o -> throw new IllegalArgumentException("sumdb candidate \"" + v
                        + "\": want a checksum database, not off");
                case SumDbSetting.Invalid i -> throw new IllegalArgumentException("sumdb candidate \"" + v + "\": "
                        + i.goError());
            };
            URI url = URI.create(trimSlash(db.url().orElse("https://" + db.name())) + "/latest");
            out.add(target(TargetKind.SUMDB_MIRROR, v, url, settings, Message.of("doctor.why.sumdb-mirror")));
        }
        return out;
    }

    private static Target target(TargetKind kind, String base, URI url, RouteSettings settings, Message why) {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("candidate \"" + base + "\": want an http or https URL with a host");
        }
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        return new Target(Target.idOf(kind, base), kind, base, Optional.of(url), host, port,
                settings.httpProxies().decide(url.toString()), Optional.empty(), why);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
