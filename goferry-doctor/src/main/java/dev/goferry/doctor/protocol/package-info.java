/**
 * The PROTOCOL layer: pure functions judging a 200 body against what its protocol promises
 * (GOPROXY {@code @v/list} lines of versions, a {@code supported} endpoint, a signed tree head, the
 * JSON release index, a {@code go-import} page), so a captive portal's 200 is caught.
 */
package dev.goferry.doctor.protocol;
