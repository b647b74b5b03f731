/** TCP connect probes with deadlines and repeated attempts; outcomes are {@link dev.goferry.net.tcp.TcpOutcome}. */
package dev.goferry.net.tcp;
