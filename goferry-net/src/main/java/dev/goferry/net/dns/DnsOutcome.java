package dev.goferry.net.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What one query to one server produced. Evidence only: what it means is decided elsewhere. */
public sealed interface DnsOutcome {

    /** {@return time from sending the query to this outcome} */
    Duration elapsed();

    /**
     * The server replied with NOERROR.
     *
     * @param records            the A/AAAA records of the question's type, possibly none (NODATA)
     * @param cnames             CNAME targets in answer order
     * @param authoritative      the AA flag
     * @param recursionAvailable the RA flag (a NOERROR reply with neither flag and no answer is what Go
     *                           calls a "lame referral" and it tries the next server)
     */
    record Answer(List<AddressRecord> records, List<String> cnames, boolean authoritative, boolean recursionAvailable,
                  Duration elapsed) implements DnsOutcome {
        public Answer {
            records = List.copyOf(records);
            cnames = List.copyOf(cnames);
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** {@return the rcode name, always NOERROR} */
        public String rcode() {
            return "NOERROR";
        }

        /** {@return the addresses, in answer order} */
        public List<InetAddress> addresses() {
            return records.stream().map(AddressRecord::address).toList();
        }
    }

    /** The server said the name does not exist (NXDOMAIN). */
    record NxDomain(boolean authoritative, Duration elapsed) implements DnsOutcome {}

    /** The server replied SERVFAIL. */
    record ServFail(Duration elapsed) implements DnsOutcome {}

    /** The server replied REFUSED. */
    record Refused(Duration elapsed) implements DnsOutcome {}

    /** Any other rcode, e.g. FORMERR or NOTIMP. */
    record OtherRcode(int rcode, String name, Duration elapsed) implements DnsOutcome {}

    /** No reply within the deadline. */
    record Timeout(Duration elapsed) implements DnsOutcome {}

    /**
     * The query could not be exchanged: port unreachable, connection refused (TCP), malformed reply.
     *
     * @param kind    the exception's simple class name
     * @param message its message
     */
    record NetworkError(String kind, String message, Duration elapsed) implements DnsOutcome {}
}
