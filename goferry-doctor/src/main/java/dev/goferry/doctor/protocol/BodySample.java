package dev.goferry.doctor.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The first bytes of a response body, as the protocol validator needs them.
 *
 * @param status      HTTP status
 * @param contentType the {@code Content-Type} header, when sent
 * @param body        the body (decompressed), at most the probe's byte cap
 * @param truncated   whether the body was cut at the cap
 */
public record BodySample(int status, Optional<String> contentType, byte[] body, boolean truncated) {
    public BodySample {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    /** {@return a copy of the body} */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodySample b && status == b.status && truncated == b.truncated
                && contentType.equals(b.contentType) && Arrays.equals(body, b.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, truncated, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "BodySample[status=" + status + ", contentType=" + contentType + ", bytes=" + body.length
                + ", truncated=" + truncated + "]";
    }
}
