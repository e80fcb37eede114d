package io.inkstream.worker.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

import io.inkstream.contracts.blob.BlobRef;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.StoredBlob;

/** A blob store whose next N opens throw an unexpected (non-IO) exception; 0 by default, i.e. a plain store. */
public final class FlakyBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger opens = new AtomicInteger();

    public FlakyBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    /** The next n opens throw; resets the open counter. */
    public void failNextOpens(int n) {
        failuresLeft.set(n);
        opens.set(0);
    }

    public int opens() {
        return opens.get();
    }

    @Override
    public StoredBlob put(String tenantId, InputStream content) throws IOException {
        return delegate.put(tenantId, content);
    }

    @Override
    public InputStream open(BlobRef ref) throws IOException {
        opens.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("simulated blob store glitch");
        }
        return delegate.open(ref);
    }

    @Override
    public void delete(BlobRef ref) throws IOException {
        delegate.delete(ref);
    }

    @Override
    public boolean exists(BlobRef ref) throws IOException {
        return delegate.exists(ref);
    }

    @Override
    public void check() throws IOException {
        delegate.check();
    }
}
