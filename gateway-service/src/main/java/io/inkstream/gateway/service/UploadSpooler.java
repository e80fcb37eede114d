package io.inkstream.gateway.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Spools a raw request body to a temporary file, stopping at the document size limit. */
@ApplicationScoped
public class UploadSpooler {

    private final GatewayConfig config;

    UploadSpooler(GatewayConfig config) {
        this.config = config;
    }

    public Path spool(InputStream body) {
        long max = config.limits().maxDocumentBytes();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("inkstream-upload-", ".bin");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = body.read(buf)) != -1) {
                    total += n;
                    if (total > max) {
                        throw new ApiException(ErrorCode.DOCUMENT_TOO_LARGE,
                                "the document exceeds the limit of " + max + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            if (e instanceof ApiException api) {
                throw api;
            }
            throw RequestValidator.invalid("body", "the request body could not be read");
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is reclaimed by the OS temp cleaner
            }
        }
    }
}
