/** The endpoints doctor examines ({@link dev.goferry.doctor.target.Target}) and why ({@link dev.goferry.doctor.target.TargetKind}). */
package dev.goferry.doctor.target;
