package io.inkstream.gateway.service;

import java.nio.file.Path;

/** One uploaded document as received: a temporary file (deleted once its blob is stored) and its client name. */
public record Upload(Path file, String name) {
}
