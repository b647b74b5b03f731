package dev.goferry.net.lab;

/**
 * What a {@link FaultServer} does after reading a request head, after MockWebServer's
 * {@code SocketEffect}: the adverse behaviours a real proxy or server cannot be told to show.
 */
public sealed interface Fault {

    /** Writes {@code bytes} verbatim, then keeps the connection open until the client closes. */
    record Reply(String bytes) implements Fault {}

    /** Writes {@code head}, then {@code firstBytes} of body, then sends nothing more (a stalled transfer). */
    record StallAfter(String head, int firstBytes) implements Fault {}

    /**
     * Writes {@code head}, then one body piece of {@code pieceBytes} zero bytes per entry of
     * {@code pauses}, sleeping that long after each piece (a transfer that stalls and resumes), then
     * keeps the connection open until the client closes.
     */
    record Paced(String head, int pieceBytes, java.util.List<java.time.Duration> pauses) implements Fault {
        public Paced {
            pauses = java.util.List.copyOf(pauses);
        }
    }

    /** Waits {@code delay}, writes {@code bytes} verbatim, then keeps the connection open until the client closes. */
    record LateReply(java.time.Duration delay, String bytes) implements Fault {}

    /** Writes {@code bytes} verbatim, then closes the connection. */
    record ReplyAndClose(String bytes) implements Fault {}

    /** Closes the connection without a byte. */
    record Close() implements Fault {}

    /** Never answers (holds the connection open). */
    record Silence() implements Fault {}
}
