package io.inkstream.contracts.blob;

import java.io.IOException;

/** The referenced blob does not exist (deleted with its job, or never written). */
public class BlobNotFoundException extends IOException {

    public BlobNotFoundException(BlobRef ref) {
        super("blob not found: " + ref);
    }
}
