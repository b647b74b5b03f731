/**
 * Name resolution as Go's pure-Go resolver does it (cmd/go is built without cgo): resolv.conf and
 * hosts-file parsing with Go's rules and defaults ({@link dev.goferry.net.dns.ResolvConfParser},
 * {@link dev.goferry.net.dns.HostsFile}), the names Go tries ({@link dev.goferry.net.dns.NameList}),
 * direct queries to a chosen server with dnsjava ({@link dev.goferry.net.dns.DnsClient}), and the
 * whole look-up with per-query evidence ({@link dev.goferry.net.dns.GoResolver}). Files come through
 * the {@link dev.goferry.net.dns.ResolverFiles} seam.
 */
package dev.goferry.net.dns;
