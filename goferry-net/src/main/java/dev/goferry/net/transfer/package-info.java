/**
 * Bounded downloads that measure throughput: {@link dev.goferry.net.transfer.TransferProbe} walks a
 * URL like {@code HttpProbe} but reads the body for rate, capped in bytes and time, and
 * {@link dev.goferry.net.transfer.TransferMeter} counts the stalls (gaps with no byte) on the way.
 * Evidence only; what is slow is the doctor's judgement.
 */
package dev.goferry.net.transfer;
