/**
 * The pure diagnosis: {@link dev.goferry.doctor.diagnosis.Diagnoser#diagnose} turns evidence into
 * per-layer {@link dev.goferry.doctor.diagnosis.Finding}s and root {@link dev.goferry.doctor.diagnosis.Cause}s
 * from the stable catalog {@link dev.goferry.doctor.diagnosis.CauseId}. See the {@code dev.goferry.doctor}
 * package documentation for the attribution rules.
 */
package dev.goferry.doctor.diagnosis;
