/**
 * Go standard-library behaviours goferry reproduces exactly.
 *
 * <p>goferry explains what the go command will do, and often quotes Go's own error texts, so
 * where Go's answer comes from its standard library (not from cmd/go or x/mod) goferry needs that
 * library's behaviour to the byte, not the JDK's nearest equivalent: {@code net/url.Parse} and
 * {@code (*URL).String} ({@link dev.goferry.gomod.gostd.GoUrl}), {@code strconv.Quote}
 * ({@link dev.goferry.gomod.gostd.GoQuote}), {@code unicode.IsSpace}, {@code strings.TrimSpace}
 * and {@code strings.Fields} ({@link dev.goferry.gomod.gostd.GoStrings}) and {@code path.Clean}
 * ({@link dev.goferry.gomod.gostd.GoPath}).
 *
 * <p>This package is the one home for such ports: other packages use these classes rather than
 * writing their own copy, so a difference found against the real go is fixed once. Each class
 * names the Go function it ports; the tests compare with texts from Go's own tests or runs of the
 * real go clients.
 */
package dev.goferry.gomod.gostd;
