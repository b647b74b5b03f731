/**
 * One HTTP/1.1 exchange on a socket with phase timings, byte cap and stall detection
 * ({@link dev.goferry.net.http.HttpExchange}), and the whole walk of a URL through DNS, TCP, an
 * optional proxy and TLS ({@link dev.goferry.net.http.HttpProbe}).
 */
package dev.goferry.net.http;
