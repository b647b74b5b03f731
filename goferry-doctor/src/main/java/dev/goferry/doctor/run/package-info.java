/**
 * The doctor's run: every target's layers probed in parallel under one deadline
 * ({@link dev.goferry.doctor.run.DoctorRunner}), behind seams for files, sockets, DNS, the machine
 * and the clock, with an {@link dev.goferry.doctor.run.AddressGuard} vetting every address first.
 */
package dev.goferry.doctor.run;
