package dev.goferry.net.dns;

/** How a query travelled. */
public enum DnsTransport { UDP, TCP }
