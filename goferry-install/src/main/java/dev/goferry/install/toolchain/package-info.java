/**
 * Installs Go from the {@code golang.org/toolchain} module through module proxies (GOPROXY),
 * verified by the checksum database (GOSUMDB), the way the go command (1.21+) fetches a toolchain
 * for {@code GOTOOLCHAIN}.
 *
 * <p><b>Names.</b> Version {@code v0.0.1-go1.22.3.linux-amd64} of {@code golang.org/toolchain}
 * is Go 1.22.3 for linux/amd64 ({@link dev.goferry.install.toolchain.ToolchainModule}); the zip's
 * entries are {@code golang.org/toolchain@v0.0.1-go1.22.3.linux-amd64/bin/go} and so on, the GOROOT
 * at the prefix. Versions are resolved from the proxy's {@code @v/list} with the same rules as the
 * release index ({@code latest}, {@code 1.22}, {@code 1.22.3}; nearest versions on a miss).
 *
 * <p><b>Trust.</b> The zip's and go.mod's h1 hashes must equal the record the checksum database
 * signs ({@link dev.goferry.install.toolchain.ToolchainVerifier} over goferry-gomod's
 * {@code SumDbClient}). As in cmd/go's {@code useSumDB}, the toolchain module is always verified:
 * GOSUMDB=off refuses the install, and GONOSUMDB/GOPRIVATE are not consulted. No proxy is trusted
 * with the bytes, so the zip may come from any proxy of the list.
 *
 * <p><b>Unpacking.</b> {@link dev.goferry.install.toolchain.ToolchainUnzip}: module zip rules,
 * prefix dropped, Go's execute bits ({@code bin/}, {@code pkg/tool/}, {@code lib/**}/go_*_*_exec),
 * {@code _go.mod} copied to {@code go.mod}.
 */
package dev.goferry.install.toolchain;
