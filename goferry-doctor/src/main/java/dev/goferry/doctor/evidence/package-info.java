/**
 * What the probes saw, as records: per target ({@link dev.goferry.doctor.evidence.TargetEvidence},
 * built from goferry-net's outcomes) and machine-wide ({@link dev.goferry.doctor.evidence.LocalEvidence}).
 * Evidence only; judging it is {@code dev.goferry.doctor.diagnosis}'s job.
 */
package dev.goferry.doctor.evidence;
