/**
 * Evidence-gathering probes for {@code goferry doctor}: each probe walks one layer of one endpoint
 * (local files → DNS → TCP → proxy → TLS → HTTP → throughput) and returns records of what it saw.
 * Nothing here decides a root cause; a separate, pure step judges the evidence.
 *
 * <p>The timing model follows OkHttp's event listener: probes call {@link dev.goferry.net.ProbeListener}
 * hooks in Start/End/Failed pairs keyed by {@link dev.goferry.net.Endpoint};
 * {@link dev.goferry.net.RecordingProbeListener} stamps them into sealed
 * {@link dev.goferry.net.ProbeEvent} records from an injected clock, and the pure
 * {@link dev.goferry.net.Timeline#of} pairs them into {@link dev.goferry.net.PhaseTiming}s.
 *
 * <p>Subpackages, one concept each: {@code dns} (Go's resolver configuration, direct queries,
 * Go-like resolution), {@code tcp} (connect), {@code proxy} (HTTP CONNECT), {@code tls}
 * (handshake and Go's chain verdict), {@code http} (one exchange and the whole walk), {@code wire}
 * (the HTTP/1.x head parser the proxy and HTTP probes share).
 */
package dev.goferry.net;
