/**
 * The go.sum checksum database as the go command uses it (x/mod {@code sumdb}, cmd/go
 * {@code modfetch/sumdb.go}).
 *
 * <p>{@link dev.goferry.gomod.sumdb.SumDbClient} verifies go.sum lines: it fetches
 * {@code /lookup/<escaped path>@<escaped version>} (and, on request, {@code /latest}) through a
 * {@link dev.goferry.gomod.sumdb.SumDbFetcher}, opens the signed tree note with the configured
 * verifier key, checks every new tree against the newest known one by recomputing the older tree's
 * hash from tiles authenticated by the newer tree, and accepts the record only when its hash is the
 * leaf in the newest tree. Outcomes are a sealed {@link dev.goferry.gomod.sumdb.LookupResult}; their
 * messages are the go command's ("SECURITY ERROR\ngo.sum database server misbehavior detected!…",
 * "cannot authenticate record data in server response", "downloaded inconsistent tile").
 *
 * <p>{@link dev.goferry.gomod.sumdb.MemoryLog} and {@link dev.goferry.gomod.sumdb.SumDbServer} are
 * the server side: an in-memory log that signs its tree and serves {@code /latest},
 * {@code /lookup/…} and hash and data tiles exactly like x/mod's server.
 *
 * <p>Example lookup response (record 2 of a 5-record tree; the signed note follows the blank line):
 * <pre>
 * 2
 * rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=
 * rsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=
 *
 * go.sum database tree
 * 5
 * MeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=
 *
 * — localhost.localdev/sumdb AAAMZ3N5gHYlwOTenYS3J2JezAoyqnqdJ+MhMLyrtiTNFcBhMHMkml5zLMEreBIgCpjDLyyQuDESwSV1oDRQGWEVPwU=
 * </pre>
 */
package dev.goferry.gomod.sumdb;
