package dev.goferry.proxy.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small valid module zips for tests. */
final class ProtocolZips {

    private ProtocolZips() {}

    /** {@return a zip with one go.mod under {@code prefix} ({@code path@version/})} */
    static byte[] zip(String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(prefix + "go.mod"));
            z.write(("module " + prefix.substring(0, prefix.indexOf('@')) + "\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }
}
