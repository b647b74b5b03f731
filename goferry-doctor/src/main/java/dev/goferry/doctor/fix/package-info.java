/**
 * {@code goferry doctor --fix}: the fixes a run verified, applied to the go/env file the way
 * {@code go env -w} edits it.
 *
 * <ol>
 *   <li>{@link dev.goferry.doctor.fix.FixPlanner} reads one run's {@code Diagnosis} and proposes, per
 *       cause, an {@link dev.goferry.doctor.fix.ApplicableFix} (a setting, its new value and the target
 *       of the same run that proved it works), a refusal of the tempting shortcut that would lower
 *       security, or nothing (the report's fix is for the user to apply). Pure.</li>
 *   <li>{@link dev.goferry.doctor.fix.Safety} vetoes any change that turns off or weakens checksum or
 *       TLS verification, whatever proposed it.</li>
 *   <li>{@link dev.goferry.doctor.fix.EnvChange} computes the new file text with gomod's
 *       {@code EnvFileEditor} (Go's own checks and rewrite rules) and the line diff to show.</li>
 *   <li>{@link dev.goferry.doctor.fix.EnvFileFixer} keeps a byte-for-byte backup, replaces the file
 *       atomically and names the shell command that undoes it.</li>
 * </ol>
 */
package dev.goferry.doctor.fix;
