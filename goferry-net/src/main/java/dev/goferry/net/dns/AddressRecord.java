package dev.goferry.net.dns;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One A or AAAA record of an answer.
 *
 * @param owner      the record's owner name (differs from the question after a CNAME)
 * @param address    the address
 * @param ttlSeconds the TTL the server gave
 */
public record AddressRecord(String owner, InetAddress address, long ttlSeconds) {
    public AddressRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(address, "address");
    }
}
