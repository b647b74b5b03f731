/**
 * Module zip files (golang.org/x/mod/zip): which files a module zip may hold, and writing one.
 *
 * <p>The restrictions, which make a module unpack identically on every system Go supports:
 * <ul>
 *   <li>Every entry starts with {@code <module>@<version>/}; the path must be a valid module
 *       path, the version valid and canonical, its major version matching the path's suffix;
 *       the rest of each name must be a valid file path.
 *   <li>No two names may be equal under Unicode case folding, and no name may be both a file and
 *       a directory.
 *   <li>A go.mod may appear only in the module root and only spelled {@code go.mod}.
 *   <li>The zip, and the sum of its files' sizes, are at most {@link ModuleZip#MAX_ZIP_FILE}
 *       (500 MiB); the root go.mod and LICENSE at most 16 MiB each.
 *   <li>Empty directories, permissions and timestamps are ignored; symbolic links and other
 *       irregular files are not allowed.
 * </ul>
 * When creating a zip from a file list, files in vendored packages, files of nested modules
 * (directories with their own go.mod), {@code .hg_archival.txt} and irregular files are omitted
 * rather than rejected. The vendored-package rule keeps an old bug on purpose (see
 * {@link ModuleZip#isVendoredPackage}): fixing it would change the hash of existing modules.
 */
package dev.goferry.gomod.zip;
