/**
 * {@code goferry explain}: from go's error output, or a CI log around it, to the doctor's root
 * causes.
 *
 * <p>{@link dev.goferry.doctor.explain.Explainer} streams the log line by line (bounded memory,
 * whatever its size), cleans each line of colours, timestamps and CI annotations, and tries the
 * {@link dev.goferry.doctor.explain.ErrorPatterns} behind a one-pass keyword prefilter. Each match
 * names a {@link dev.goferry.doctor.explain.Meaning}: a doctor
 * {@link dev.goferry.doctor.diagnosis.CauseId} (texts shared with {@code goferry doctor}) or a
 * {@link dev.goferry.doctor.explain.LogCause} only a log can show. Matches are grouped per cause
 * with the facts the lines give (module, version, URL, host, resolver, proxy, status, issuer); a
 * {@code go: …} line nothing matched is reported as unrecognised, verbatim, never guessed.
 * {@link dev.goferry.doctor.explain.ExplainProbe} then asks the doctor about the hosts the log names.
 */
package dev.goferry.doctor.explain;
