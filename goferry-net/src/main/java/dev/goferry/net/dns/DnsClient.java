package dev.goferry.net.dns;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Asks one server one question with dnsjava, the way Go's resolver puts it on the wire: recursion
 * desired, EDNS0 with a 1232-byte UDP size, UDP first and TCP when the UDP reply is truncated (or
 * TCP only, for {@code use-vc}), everything within one deadline.
 */
public final class DnsClient {

    /** Go's {@code maxDNSPacketSize}, advertised in its EDNS0 OPT record. */
    static final int EDNS_UDP_SIZE = 1232;

    private final LongSupplier clock;

    /** @param clock nanosecond clock for elapsed times ({@code System::nanoTime} in production) */
    public DnsClient(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a client on the system's monotonic clock} */
    public static DnsClient system() {
        return new DnsClient(System::nanoTime);
    }

    /**
     * Queries {@code server} for {@code name} (made rooted if it is not), waiting at most
     * {@code deadline} in total; never throws for network trouble, which becomes the outcome.
     */
    public DnsQuery query(InetSocketAddress server, String name, QueryType type, Duration deadline, boolean tcpOnly) {
        String fqdn = name.endsWith(".") ? name : name + ".";
        long start = clock.getAsLong();
        Message question;
        try {
            question = Message.newQuery(Record.newRecord(Name.fromString(fqdn), type.code(), DClass.IN));
        } catch (TextParseException e) {
            return new DnsQuery(server, fqdn, type, DnsTransport.UDP, false,
                    new DnsOutcome.NetworkError("TextParseException", "name \"" + fqdn + "\": " + e.getMessage(),
                            Duration.ZERO));
        }
        DnsTransport transport = tcpOnly ? DnsTransport.TCP : DnsTransport.UDP;
        Exchange first = exchange(server, question, transport, deadline, start);
        if (transport == DnsTransport.UDP && first.reply != null && first.reply.getHeader().getFlag(Flags.TC)) {
            Duration left = deadline.minusNanos(clock.getAsLong() - start);
            if (left.isNegative() || left.isZero()) {
                return new DnsQuery(server, fqdn, type, DnsTransport.UDP, true,
                        new DnsOutcome.Timeout(elapsed(start)));
            }
            Exchange second = exchange(server, question, DnsTransport.TCP, left, start);
            return new DnsQuery(server, fqdn, type, DnsTransport.TCP, true, second.outcome(type));
        }
        return new DnsQuery(server, fqdn, type, transport, false, first.outcome(type));
    }

    private Exchange exchange(InetSocketAddress server, Message question, DnsTransport transport, Duration timeout,
                              long start) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        resolver.setTCP(transport == DnsTransport.TCP);
        resolver.setIgnoreTruncation(true); // we retry over TCP ourselves, to record the truncation
        resolver.setEDNS(0, EDNS_UDP_SIZE, 0, List.of());
        try {
            Message reply = resolver.send(question);
            return new Exchange(reply, null, elapsed(start));
        } catch (IOException | RuntimeException e) {
            return new Exchange(null, e, elapsed(start));
        }
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(clock.getAsLong() - start);
    }

    private record Exchange(Message reply, Exception error, Duration elapsed) {

        DnsOutcome outcome(QueryType type) {
            if (error != null) {
                return isTimeout(error) ? new DnsOutcome.Timeout(elapsed)
                        : new DnsOutcome.NetworkError(root(error).getClass().getSimpleName(),
                                String.valueOf(root(error).getMessage()), elapsed);
            }
            int rcode = reply.getRcode();
            boolean aa = reply.getHeader().getFlag(Flags.AA);
            return switch (rcode) {
                case Rcode.NOERROR -> answer(type, aa);
                case Rcode.NXDOMAIN -> new DnsOutcome.NxDomain(aa, elapsed);
                case Rcode.SERVFAIL -> new DnsOutcome.ServFail(elapsed);
                case Rcode.REFUSED -> new DnsOutcome.Refused(elapsed);
                default -> new DnsOutcome.OtherRcode(rcode, Rcode.string(rcode), elapsed);
            };
        }

        private DnsOutcome answer(QueryType type, boolean aa) {
            List<AddressRecord> records = new ArrayList<>();
            List<String> cnames = new ArrayList<>();
            for (Record r : reply.getSection(Section.ANSWER)) {
                InetAddress address = switch (r) {
                    case ARecord a when type == QueryType.A -> a.getAddress();
                    case AAAARecord a when type == QueryType.AAAA -> a.getAddress();
                    default -> null;
                };
                if (address != null) {
                    records.add(new AddressRecord(r.getName().toString(), address, r.getTTL()));
                } else if (r instanceof CNAMERecord c) {
                    cnames.add(c.getTarget().toString());
                }
            }
            return new DnsOutcome.Answer(records, cnames, aa, reply.getHeader().getFlag(Flags.RA), elapsed);
        }

        private static boolean isTimeout(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                       ) {
                    return true;
                }
                String m = t.getMessage();
                if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                    return true;
                }
            }
            return false;
        }

        private static Throwable root(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t;
        }
    }
}
