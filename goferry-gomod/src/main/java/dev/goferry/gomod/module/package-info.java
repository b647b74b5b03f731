/**
 * Module paths and versions as the go command understands them (golang.org/x/mod/module):
 * which paths are valid ({@link dev.goferry.gomod.module.ModulePaths}), how they are
 * case-escaped in proxy URLs ({@link dev.goferry.gomod.module.Escaping}), how a major-version
 * suffix ({@code /v2}, {@code gopkg.in/x.v2}) must agree with the version, {@code +incompatible}
 * versions, and pseudo-versions ({@link dev.goferry.gomod.module.PseudoVersions}).
 *
 * <p>Everything here is pure: strings in, values out, no I/O. The proxy server validates every
 * path and version with these rules before it touches a file, so a request cannot name anything
 * outside its module tree. Errors are typed values ({@link dev.goferry.gomod.module.ModError})
 * whose messages are Go's texts verbatim, so goferry can quote what {@code go} would have said.
 */
package dev.goferry.gomod.module;
