package io.inkstream.worker.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** A PNG that is only a signature and a valid IHDR chunk claiming any size (a decompression-bomb probe). */
final class PngHeader {

    private PngHeader() {
    }

    static byte[] of(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream body = new DataOutputStream(ihdr);
            body.write("IHDR".getBytes(StandardCharsets.US_ASCII));
            body.writeInt(width);
            body.writeInt(height);
            body.write(new byte[] {8, 0, 0, 0, 0});
            byte[] chunk = ihdr.toByteArray();
            data.writeInt(chunk.length - 4);
            data.write(chunk);
            CRC32 crc = new CRC32();
            crc.update(chunk);
            data.writeInt((int) crc.getValue());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
