/**
 * {@code goferry doctor}'s model and its pure diagnosis: evidence in, root causes out.
 *
 * <h2>The flow</h2>
 * <pre>
 *   settings (gomod RouteSettings)  ──▶ targets (target.Target, one per endpoint Go would use)
 *   probes (goferry-net, in parallel) ──▶ evidence (evidence.TargetEvidence per target + LocalEvidence)
 *   diagnosis.Diagnoser.diagnose(DiagnosisContext, List&lt;TargetEvidence&gt;) ──▶ diagnosis.Diagnosis
 *   render.DiagnosisText / render.DiagnosisJson ──▶ the user
 * </pre>
 * Nothing in a probe decides a cause; nothing in {@code diagnosis} touches the network, a file or
 * the clock. Tests build evidence records directly.
 *
 * <h2>Building on it (targets, runner, fault lab)</h2>
 * <ul>
 *   <li><b>Targets.</b> A {@link dev.goferry.doctor.target.Target} has a stable id
 *       ({@code Target.idOf(kind, base)}: {@code goproxy:https://proxy.golang.org},
 *       {@code sumdb:sum.golang.org}, {@code sumdb-proxy:https://goproxy.cn}, …), its
 *       {@link dev.goferry.doctor.target.TargetKind}, the setting value it came from ({@code base}),
 *       the URL probed, host and port, the {@code ProxyDecision} Go's {@code http.ProxyFromEnvironment}
 *       makes for that URL ({@code RouteSettings.httpProxies().decide(url)}), the module when
 *       {@code --module} asked for one, and why it is a target as a catalog message
 *       ({@code doctor.why.<kind-id>}: {@code goproxy} {0}=entry number; {@code file-proxy} {0};
 *       {@code sumdb-proxy} {0}=name {1}=entry number; {@code sumdb} and {@code sumdb-fallback} (the second phase: {@code TargetPlanner.sumdbFallback}, probed when the proxies' {@code supported} answers send Go there) {0}=name; {@code toolchain} {0};
 *       {@code vcs-private} {0}=pattern; {@code vcs-wildcard} {0}=pattern {1}=variable; {@code user} {0}=URL;
 *       {@code release-index}, {@code release-download}, {@code vcs}, {@code mirror}, {@code sumdb-mirror}
 *       without arguments). Alternatives ({@code MIRROR}, {@code SUMDB_MIRROR}) are probed like the
 *       rest but never cause anything; a fix suggests one only when this run saw it work end to end.
 *       A GOPROXY target's {@code base} must equal the {@code ProxyEntry.ProxyUrl.url()} it came
 *       from: {@code goproxy.no-fallback} walks the GOPROXY list by it.</li>
 *   <li><b>Evidence.</b> Per target, {@link dev.goferry.doctor.evidence.TargetEvidence}:
 *       {@code dns} = {@code GoResolution} of the host Go dials (the proxy's when it uses one) plus
 *       direct {@code DnsQuery}s to each configured server and to public resolvers; {@code tcp} =
 *       every {@code TcpAttempt} (v4 and v6, several each; to the proxy when proxied); {@code walk} =
 *       the {@code HttpProbeReport} of one protocol-correct request; {@code protocol} =
 *       {@link dev.goferry.doctor.protocol.ProtocolValidator#validate} of its body
 *       ({@code ProtocolCheck.of(target)}: by kind, a {@code .info} as JSON; goferry-net's report keeps no body bytes, so the runner passes
 *       a {@link dev.goferry.doctor.protocol.BodySample}); {@code throughput} = a bounded download of the
 *       object {@code run.ThroughputPlan} picks (the probed module's latest zip, a release archive's
 *       start), within {@code RunOptions.Throughput} and the deadline; {@code file} for
 *       file:// proxies. A layer not reached is empty, {@code TargetEvidence.none(target)} for a
 *       target not probed. Machine-wide, {@link dev.goferry.doctor.evidence.LocalEvidence}: interfaces,
 *       default routes, resolv.conf, hosts entries for target names, clock samples (local time vs
 *       HTTP {@code Date}).</li>
 *   <li><b>Context.</b> {@link dev.goferry.doctor.diagnosis.DiagnosisContext}: the parsed
 *       settings ({@code RouteSettings.of(GoSettings, env, GoOs)}), GOPROXY/GOSUMDB as text, the
 *       LOCAL evidence and thresholds.</li>
 *   <li><b>Output.</b> {@link dev.goferry.doctor.diagnosis.Diagnosis}: LOCAL findings, one
 *       {@link dev.goferry.doctor.diagnosis.TargetReport} per target (a
 *       {@link dev.goferry.doctor.diagnosis.Finding} per examined layer: ✓/!/✗/·, time, verbatim
 *       detail, the cause it points to; and the target's root cause), and the
 *       {@link dev.goferry.doctor.diagnosis.Cause}s (never empty: {@code healthy} when nothing is
 *       wrong). {@code exitCode()} is 0 healthy, 1 otherwise. The fault lab asserts
 *       {@code cause.id()} and {@code cause.layer()}.</li>
 * </ul>
 *
 * <h2>Attribution rules</h2>
 * <ol>
 *   <li>A target's root cause is its lowest failing layer
 *       (LOCAL → DNS → TCP → PROXY → TLS → HTTP → PROTOCOL → THROUGHPUT); the layers above are judged
 *       and shown, their problems are consequences and never separate causes. Exception: a public
 *       name answered with private/loopback/reserved addresses, or with none of the public resolvers'
 *       addresses, becomes the root ({@code dns.hijacked}, or {@code dns.hosts-override} when the
 *       hosts file gave it) as soon as a layer above it fails; alone it is only a ! line (CDNs answer
 *       differently per resolver).</li>
 *   <li>When Go would use an HTTP proxy, DNS and TCP describe the proxy: their failure is
 *       {@code proxy.unreachable}. A direct failure is {@code proxy.bypassed} when NO_PROXY sent it
 *       direct although a proxy is set, {@code proxy.missing-https} when only HTTP_PROXY is set for
 *       an https URL, {@code proxy.misconfigured} when Go swallowed an unusable value.</li>
 *   <li>No non-loopback interface up or no default route, with every target failing at DNS or TCP:
 *       exactly one cause, {@code net.offline}.</li>
 *   <li>Causes with the same id and key (resolver, proxy, issuer, status) are one cause naming all
 *       their targets. An unknown issuer on two or more hosts, a known middlebox issuer, or an
 *       unknown issuer on a well-known public host, is {@code tls.intercepted}; otherwise
 *       {@code tls.untrusted}.</li>
 *   <li>The checksum database failing on its own (DNS, TCP, TLS handshake, HTTP status) while a
 *       module proxy works and no proxy serves it is {@code sumdb.unreachable}, at the layer it
 *       failed. A {@code ,} GOPROXY entry failing with anything but 404/410 while a later entry (or
 *       {@code direct}) works adds {@code goproxy.no-fallback}.</li>
 *   <li>Settings alone: {@code goproxy.off}, {@code goproxy.invalid}, {@code sumdb.disabled} (a
 *       warning), {@code sumdb.invalid}; a clock off by two minutes or more is a {@code tls.clock-skew}
 *       warning even before it breaks a handshake.</li>
 * </ol>
 * Cause texts: catalog area {@code cause} ({@code cause.<id>.title|explain|fix}); report labels:
 * area {@code doctor}. Explanation arguments are the affected hosts, then the cause's key; fix
 * arguments are the commands to paste, so translations never alter them.
 */
package dev.goferry.doctor;
