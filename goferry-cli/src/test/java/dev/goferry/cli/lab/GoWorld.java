package dev.goferry.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.cli.Main;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.netlab.LabDns;
import dev.goferry.testkit.netlab.LabFault;
import dev.goferry.testkit.netlab.LabProxy;
import dev.goferry.testkit.netlab.LabWeb;
import dev.goferry.testkit.netlab.LabWeb.Reply;
import dev.goferry.testkit.netlab.LabWeb.Site;
import dev.goferry.testkit.netlab.NetLab;
import dev.goferry.testkit.netlab.ServerProcess;
import dev.goferry.testkit.netlab.TestPki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The internet as the go command sees it, rebuilt inside a {@link NetLab}: the public names Go
 * uses resolve, through a real dnsmasq, to addresses of the lab's world namespace, where a real
 * nginx serves each with a certificate of the lab CA and protocol-correct answers (a module's
 * version list, a checksum database tree head signed with the lab's key for sum.golang.org, the
 * release index, the download checksum, go-import discovery). A tinyproxy, a second dnsmasq playing
 * the public resolver, and fault servers stand by. A test breaks one thing (records, sites, proxy,
 * firewall), runs {@link #doctor}, then calls {@link #restore()}.
 *
 * <p>The world's addresses (11.77.0.0/16 and one "private" 10.77.9.9) exist only inside the lab.
 */
final class GoWorld implements AutoCloseable {

    static final String DNS = NetLab.PREFIX + "0.53";
    static final String PUBLIC_DNS = NetLab.PREFIX + "0.54";
    static final String SERVFAIL_DNS = NetLab.PREFIX + "0.55";
    static final String FAULT = NetLab.PREFIX + "0.66";
    static final String PROXY = NetLab.PREFIX + "0.80";
    static final int PROXY_PORT = 3128;
    /** Where a hijacking resolver or a hosts-file entry sends a public name: a private address. */
    static final String BLOCK_PAGE = "10.77.9.9";
    static final String PRIVATE_HOST = "git.corp.example";
    static final String CORP_MIRROR = "goproxy.corp.example";

    /** Public and private names of the lab and the world address each resolves to. */
    static final Map<String, String> HOSTS = orderedMap(
            "proxy.golang.org", NetLab.PREFIX + "1.1",
            "sum.golang.org", NetLab.PREFIX + "1.2",
            "go.dev", NetLab.PREFIX + "1.3",
            "dl.google.com", NetLab.PREFIX + "1.4",
            "golang.org", NetLab.PREFIX + "1.5",
            "goproxy.cn", NetLab.PREFIX + "1.6",
            PRIVATE_HOST, NetLab.PREFIX + "1.7",
            CORP_MIRROR, FAULT);

    private static final String LIST = "text/plain; charset=utf-8";

    /** How many days before now the lab's CAs and default certificates start being valid. */
    static final int BACKDATE_DAYS = 10;


    final NetLab lab;
    final TestPki ca;
    final TestPki corporateCa;
    final String sumdbKey;
    private final Path home;
    private final Map<String, Path> certificates = new LinkedHashMap<>();
    private final Map<String, Site> defaultSites = new LinkedHashMap<>();

    private LabDns dns;
    private LabWeb web;
    private LabProxy proxy;
    private boolean dnsChanged;
    private boolean webChanged;
    private boolean proxyChanged;
    private boolean firewallChanged;
    private boolean shapingChanged;
    private boolean hostsChanged;

    private GoWorld(NetLab lab, TestPki ca, TestPki corporateCa, String sumdbKey, Path home) {
        this.lab = lab;
        this.ca = ca;
        this.corporateCa = corporateCa;
        this.sumdbKey = sumdbKey;
        this.home = home;
    }

    /** Builds the world in {@code scratch}: namespaces, CA and certificates, and every server. */
    static GoWorld start(Path scratch) throws Exception {
        NetLab lab = NetLab.create(scratch);
        try {
            Path pki = Files.createDirectories(scratch.resolve("pki"));
            // Valid since days ago, so a client whose clock runs behind still trusts them (tls.clock-skew).
            TestPki ca = TestPki.createCa(pki, "lab", "goferry lab root CA", BACKDATE_DAYS);
            TestPki corp = TestPki.createCa(pki, "corp", "ACME Corp Root CA", BACKDATE_DAYS);
            Keys.KeyStrings keys = Keys.generate("sum.golang.org", new SecureRandom());
            MemoryLog log = new MemoryLog(keys.signerKey());
            log.add(new MemoryLog.Entry("golang.org/x/text", "v0.14.0", "h1:lab=", "h1:labmod="));
            String latest = new String(log.signedTree(), StandardCharsets.UTF_8);
            GoWorld w = new GoWorld(lab, ca, corp, keys.verifierKey(), Files.createDirectories(scratch.resolve("home")));
            for (String a : List.of(DNS, PUBLIC_DNS, SERVFAIL_DNS, FAULT, PROXY, BLOCK_PAGE)) {
                lab.addWorldAddress(a);
            }
            for (var h : HOSTS.entrySet()) {
                if (!h.getValue().equals(FAULT)) {
                    lab.addWorldAddress(h.getValue());
                    w.certificates.put(h.getKey(), ca.issue(h.getKey(), h.getKey(), List.of("DNS:" + h.getKey()), 30,
                            BACKDATE_DAYS));
                }
            }
            w.defaultSites.put("proxy.golang.org", site(w, "proxy.golang.org", moduleProxy()));
            w.defaultSites.put("sum.golang.org", site(w, "sum.golang.org", Map.of("/latest", Reply.ok(LIST, latest))));
            w.defaultSites.put("go.dev", site(w, "go.dev", Map.of("/dl/", Reply.ok("application/json",
                    "[{\"version\":\"go1.24.4\",\"stable\":true,\"files\":[{\"filename\":"
                            + "\"go1.24.4.linux-amd64.tar.gz\",\"os\":\"linux\",\"arch\":\"amd64\"}]}]"))));
            w.defaultSites.put("dl.google.com", site(w, "dl.google.com", Map.of(
                    "/go/go1.24.4.linux-amd64.tar.gz.sha256",
                    Reply.ok("application/octet-stream", "77e5da33bb72aeaef1ba4418b6fe511bc4d041873cbf82e5aa6318740df98717"))));
            w.defaultSites.put("golang.org", site(w, "golang.org", Map.of("/x/text", Reply.ok("text/html",
                    "<html><head><meta name=\"go-import\" content=\"golang.org/x/text git "
                            + "https://go.googlesource.com/text\"></head></html>"))));
            w.defaultSites.put("goproxy.cn", site(w, "goproxy.cn", moduleProxy()));
            Site corp200 = site(w, PRIVATE_HOST, Map.of());
            w.defaultSites.put(PRIVATE_HOST, corp200.answering(Reply.ok("text/html",
                    "<html><head><meta name=\"go-import\" content=\"" + PRIVATE_HOST + "/team/app git https://"
                            + PRIVATE_HOST + "/team/app.git\"></head></html>")));
            LabFault.start(lab, lab.world(), "fault-servfail", LabFault.Mode.SERVFAIL, SERVFAIL_DNS, 53);
            LabFault.start(lab, lab.world(), "fault-reset", LabFault.Mode.RESET, FAULT, 80);
            LabFault.start(lab, lab.world(), "fault-close", LabFault.Mode.CLOSE, FAULT, 1080);
            LabDns.start(lab, lab.world(), "public-dns", PUBLIC_DNS, records(HOSTS), Map.of());
            w.lab.writeEtc(lab.world(), "nameserver " + DNS + "\n", "127.0.0.1 localhost\n");
            w.lab.writeEtc(lab.client(), "nameserver " + DNS + "\noptions timeout:1 attempts:1\n",
                    "127.0.0.1 localhost\n");
            w.dns(records(HOSTS), Map.of());
            w.web(w.defaultSites);
            w.proxy(Optional.empty(), List.of());
            w.dnsChanged = w.webChanged = w.proxyChanged = false;
            return w;
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
    }

    /**
     * What a module proxy serves for the reference module: its version list (the doctor's probe),
     * each version's .info and .mod and {@code @latest} (go list -versions reads the latest go.mod
     * for retractions), the toolchain module's list, and the checksum database's {@code supported}.
     */
    private static Map<String, Reply> moduleProxy() {
        Map<String, Reply> m = new LinkedHashMap<>();
        m.put("/golang.org/x/text/@v/list", Reply.ok(LIST, "v0.3.0\nv0.14.0\n"));
        for (String v : List.of("v0.3.0", "v0.14.0")) {
            m.put("/golang.org/x/text/@v/" + v + ".info", Reply.ok("application/json",
                    "{\"Version\":\"" + v + "\",\"Time\":\"2023-10-11T16:00:00Z\"}"));
            m.put("/golang.org/x/text/@v/" + v + ".mod", Reply.ok(LIST, "module golang.org/x/text\n"));
        }
        m.put("/golang.org/x/text/@latest", Reply.ok("application/json",
                "{\"Version\":\"v0.14.0\",\"Time\":\"2023-10-11T16:00:00Z\"}"));
        m.put("/golang.org/toolchain/@v/list", Reply.ok(LIST, "v0.0.1-go1.21.0.linux-amd64\n"));
        m.put("/sumdb/sum.golang.org/supported", Reply.ok(LIST, ""));
        return m;
    }

    private static Site site(GoWorld w, String host, Map<String, Reply> routes) {
        return Site.https(HOSTS.get(host), w.certificates.get(host), routes);
    }

    static Map<String, List<String>> records(Map<String, String> hosts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        hosts.forEach((h, a) -> out.put(h, List.of(a)));
        return out;
    }

    /** {@return a copy of the default sites, to change one and pass to {@link #web}} */
    Map<String, Site> sites() {
        return new LinkedHashMap<>(defaultSites);
    }

    /** {@return the lab CA's certificate for {@code host}} */
    Path certificate(String host) {
        return certificates.get(host);
    }

    /** Restarts the lab resolver with {@code records} and {@code forward} (domain → upstream). */
    void dns(Map<String, List<String>> records, Map<String, String> forward) {
        if (dns != null) {
            dns.close();
        }
        dns = LabDns.start(lab, lab.world(), "dns", DNS, records, forward);
        dnsChanged = true;
    }

    /** Restarts nginx with {@code sites}. */
    void web(Map<String, Site> sites) {
        web(sites, Optional.empty());
    }

    /** Restarts nginx with {@code sites} and its clock moved by {@code clockOffset} (e.g. "+3d"). */
    void web(Map<String, Site> sites, Optional<String> clockOffset) {
        if (web != null) {
            web.close();
        }
        web = LabWeb.start(lab, lab.world(), "nginx", List.copyOf(sites.values()), clockOffset);
        webChanged = true;
    }

    /** Restarts tinyproxy. */
    void proxy(Optional<String> basicAuth, List<Integer> connectPorts) {
        if (proxy != null) {
            proxy.close();
        }
        proxy = LabProxy.start(lab, lab.world(), "tinyproxy", PROXY, PROXY_PORT, basicAuth, connectPorts);
        proxyChanged = true;
    }

    /** Adds a rule to the world's INPUT chain (packets from the client, and the world's own). */
    void firewall(String... rule) {
        lab.firewall(rule);
        firewallChanged = true;
    }

    /** {@return a file of {@code size} incompressible bytes in the lab's scratch folder, made once per size} */
    Path largeObject(int size) {
        Path file = lab.scratch().resolve("object-" + size + ".bin");
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[size];
                new java.util.Random(size).nextBytes(bytes);
                Files.write(file, bytes);
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Limits what the world sends the client to {@code rate} (tc tbf on the world's side of the veth). */
    void shape(String rate) {
        lab.shape(rate, "16kb", "2s");
        shapingChanged = true;
    }

    /** Gives the client a hosts file with {@code lines} after localhost. */
    void clientHosts(String lines) {
        lab.writeEtc(lab.client(), "nameserver " + DNS + "\noptions timeout:1 attempts:1\n",
                "127.0.0.1 localhost\n" + lines);
        hostsChanged = true;
    }

    /** {@return the proxy URL for HTTPS_PROXY} */
    String proxyUrl(String userinfo) {
        return proxy.url(userinfo);
    }

    /** Puts back whatever a scenario changed. */
    void restore() {
        if (firewallChanged) {
            lab.clearFirewall();
        }
        if (shapingChanged) {
            lab.clearShaping();
        }
        if (hostsChanged) {
            clientHosts("");
        }
        if (dnsChanged) {
            dns(records(HOSTS), Map.of());
        }
        if (webChanged) {
            web(defaultSites);
        }
        if (proxyChanged) {
            proxy(Optional.empty(), List.of());
        }
        dnsChanged = webChanged = proxyChanged = firewallChanged = hostsChanged = shapingChanged = false;
    }

    /** The environment of a user of this world: the lab CA trusted by SSL_CERT_FILE, the lab's checksum key. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GOENV", home.resolve("go.env").toString());
        env.put("SSL_CERT_FILE", ca.caPem().toString());
        env.put("SSL_CERT_DIR", home.resolve("no-certs").toString());
        env.put("GOSUMDB", sumdbKey);
        env.put("GOFLAGS", "");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** The outcome of one {@code goferry doctor --json} run. */
    record Run(int exitCode, JsonNode json, String out, String err, long millis) {

        /** {@return cause id → layer, in the document's order} */
        Map<String, String> causes() {
            Map<String, String> out = new LinkedHashMap<>();
            json.path("causes").forEach(c -> out.put(c.path("id").asText(), c.path("layer").asText()));
            return out;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " in " + millis + " ms\n" + out + (err.isBlank() ? "" : "\nstderr:\n" + err);
        }
    }

    /**
     * Runs {@code goferry doctor --json} as a child JVM inside {@code namespace} with exactly
     * {@code env} (nothing of this machine's environment leaks in) and {@code args} after the common ones.
     */
    Run doctor(String namespace, Map<String, String> env, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, java, "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "doctor", "--json",
                "--timeout", "10s"));
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile(lab.scratch(), "doctor", ".json");
            Path err = Files.createTempFile(lab.scratch(), "doctor", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("goferry doctor did not finish in 30 s: " + Files.readString(err));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = Files.readString(out);
            String errText = Files.readString(err);
            JsonNode json;
            try {
                json = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("goferry doctor printed no JSON (exit " + p.exitValue() + "):\n" + text
                        + "\nstderr:\n" + errText, e);
            }
            return new Run(p.exitValue(), json, text, errText, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How long a go command expected to fail may run before the lab counts it as hanging. */
    static final int GO_PATIENCE_SECONDS = 12;
    /** How long a go command expected to succeed may run: a busy machine must not turn a success into a hang. */
    static final int GO_SUCCESS_PATIENCE_SECONDS = 40;

    /** The outcome of one real go command run in the lab. */
    record GoRun(int exitCode, String output) {

        /** {@return whether go got the module's version list (it ignores lines that are not versions)} */
        boolean sawVersions() {
            return exitCode == 0 && output.contains("v0.14.0");
        }
    }

    /**
     * Runs the real {@code go list -m -versions golang.org/x/text} (which fetches the module's
     * {@code @v/list} through GOPROXY, exactly the doctor's goproxy probe) inside {@code namespace}
     * with {@code go}'s hermetic environment plus {@code env}'s network settings; stopped after
     * {@code patienceSeconds}.
     */
    GoRun goList(String namespace, GoClient go, Map<String, String> env, int patienceSeconds) {
        try {
            Path dir = Files.createTempDirectory(lab.scratch(), "go");
            Files.writeString(dir.resolve("go.mod"), "module lab.example/m\n\ngo 1.19\n");
            Map<String, String> goEnv = go.baseEnvironment(dir);
            for (String key : List.of("SSL_CERT_FILE", "SSL_CERT_DIR", "GOSUMDB", "GOPROXY", "GOPRIVATE", "GONOPROXY",
                    "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY")) {
                if (env.containsKey(key)) {
                    goEnv.put(key, env.get(key));
                }
            }
            goEnv.put("GOFLAGS", "-mod=mod");
            goEnv.put("GONOSUMDB", "golang.org/x/text");  // the lab's database holds no real go.mod hashes
            goEnv.put("GIT_TERMINAL_PROMPT", "0");
            Path out = dir.resolve("go.out");
            ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", namespace, go.binary().toString(), "list", "-m",
                    "-versions", "golang.org/x/text").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(goEnv);
            Process p = pb.start();
            if (!p.waitFor(patienceSeconds, TimeUnit.SECONDS)) {
                // go's own dial timeout is 30 s per address: a user behind a DROP rule sees it hang
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new GoRun(-1, "(still running after " + patienceSeconds + " s, stopped)\n"
                        + Files.readString(out));
            }
            return new GoRun(p.exitValue(), Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@return the binary, or skips the test when it is not installed} */
    static Path require(String binary, String debianPackage) {
        return ServerProcess.requireBinary(binary, debianPackage);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        lab.close();
    }
}
