package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void aRefusedPortRefusesConnectionsAndCannotBeTakenByAServer() {
        int port = LoopbackPorts.refused();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(address, 2000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(address);
            }
        }).as("the port stays held, so no test server is handed it").isInstanceOf(BindException.class);
    }
}
