package dev.goferry.doctor.run;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's safety net: lets only loopback addresses through and fails the test, before anything
 * is sent, on any other. Violations are also kept, so a test can show the guard tripped.
 */
public final class LoopbackGuard implements AddressGuard {

    private final List<InetSocketAddress> violations = new CopyOnWriteArrayList<>();

    @Override
    public void check(InetSocketAddress address) {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            violations.add(address);
            throw new AssertionError("non-loopback address \"" + address + "\": tests may reach loopback only");
        }
    }

    /** {@return the non-loopback addresses something tried to reach} */
    public List<InetSocketAddress> violations() {
        return List.copyOf(violations);
    }
}
