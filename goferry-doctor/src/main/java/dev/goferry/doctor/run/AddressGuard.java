package dev.goferry.doctor.run;

import dev.goferry.net.tcp.SocketConnector;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Decides, before any packet leaves, whether an address may be contacted at all: every TCP
 * connect and every DNS query of a run passes through it. The command allows everything; tests
 * install a loopback-only guard so a configuration that would reach a public host fails the test
 * instead of sending anything.
 */
@FunctionalInterface
public interface AddressGuard {

    /** Throws when {@code address} must not be contacted. */
    void check(InetSocketAddress address) throws IOException;

    /** Lets every address through. */
    AddressGuard ALLOW_ALL = address -> { };

    /** {@return {@code connector} behind this guard} */
    default SocketConnector guard(SocketConnector connector) {
        return (address, timeout) -> {
            check(address);
            return connector.connect(address, timeout);
        };
    }
}
