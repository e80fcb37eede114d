package io.inkstream.worker.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.inkstream.contracts.ErrorCode;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * A fixed number of Tesseract slots, one per concurrent OCR, each holding raw TessAPI handles initialised once per
 * language set. Interactive callers always get the next free slot before batch callers.
 */
public final class OcrPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OcrPool.class);
    /** Trained data for orientation and script detection; only ever loaded on its own handle. */
    public static final String OSD = "osd";
    private static final Pattern LANGUAGES = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    private final Path tessdata;
    private final int size;
    private final String defaultLanguages;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition interactiveTurn = lock.newCondition();
    private final Condition batchTurn = lock.newCondition();
    private final Deque<Slot> free = new ArrayDeque<>();
    private final List<Slot> all = new ArrayList<>();
    private int interactiveWaiting;
    private volatile boolean ready;
    private volatile boolean closed;

    public OcrPool(Path tessdata, int size, String defaultLanguages) {
        if (size < 1) {
            throw new IllegalArgumentException("OCR pool size must be at least 1");
        }
        this.tessdata = tessdata;
        this.size = size;
        this.defaultLanguages = defaultLanguages;
    }

    /** Creates every slot and initialises its default-language handle; ready only when all succeeded. */
    public void start() {
        requireLanguages(defaultLanguages);
        lock.lock();
        try {
            for (int i = 0; i < size; i++) {
                Slot slot = new Slot();
                slot.handle(defaultLanguages);
                if (hasOsd()) {
                    slot.handle(OSD);
                }
                all.add(slot);
                free.add(slot);
            }
            ready = true;
            // Callers that arrived before start (consumers may begin first) wait on these.
            interactiveTurn.signalAll();
            batchTurn.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.infof("OCR pool ready: %d handles, languages %s, tessdata %s", size, defaultLanguages, tessdata);
    }

    public boolean isReady() {
        return ready && !closed;
    }

    public int size() {
        return size;
    }

    /** Slots not leased right now. */
    public int available() {
        lock.lock();
        try {
            return free.size();
        } finally {
            lock.unlock();
        }
    }

    public String defaultLanguages() {
        return defaultLanguages;
    }

    /** Whether orientation detection is possible (osd.traineddata installed). */
    public boolean hasOsd() {
        return Files.isRegularFile(tessdata.resolve(OSD + ".traineddata"));
    }

    /** Languages with trained data in the tessdata folder (osd excluded: it detects orientation, it does not read). */
    public SortedSet<String> installedLanguages() {
        SortedSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(tessdata)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".traineddata"))
                    .map(n -> n.substring(0, n.length() - ".traineddata".length()))
                    .filter(n -> !n.equals("osd"))
                    .forEach(out::add);
        } catch (IOException e) {
            LOG.warnf("cannot list tessdata folder %s: %s", tessdata, e.getMessage());
        }
        return out;
    }

    /** Fails with LANGUAGE_UNAVAILABLE unless every '+'-joined language has trained data here. */
    public void requireLanguages(String languages) {
        if (languages == null || !LANGUAGES.matcher(languages).matches()) {
            throw new ExtractionException(ErrorCode.LANGUAGE_UNAVAILABLE, "languages must look like eng+deu");
        }
        for (String lang : languages.split("\\+")) {
            if (!Files.isRegularFile(tessdata.resolve(lang + ".traineddata"))) {
                throw new ExtractionException(ErrorCode.LANGUAGE_UNAVAILABLE, "no trained data for " + lang);
            }
        }
    }

    /** Blocks until a slot is free; interactive callers are served first. */
    public Lease acquire(boolean interactive) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (interactive) {
                interactiveWaiting++;
                try {
                    while (free.isEmpty()) {
                        interactiveTurn.await();
                    }
                } finally {
                    interactiveWaiting--;
                }
            } else {
                while (free.isEmpty() || interactiveWaiting > 0) {
                    batchTurn.await();
                }
            }
            Slot slot = free.pop();
            signalNext();
            return new Lease(slot);
        } finally {
            lock.unlock();
        }
    }

    private void release(Slot slot) {
        lock.lock();
        try {
            free.push(slot);
            signalNext();
        } finally {
            lock.unlock();
        }
    }

    private void signalNext() {
        if (free.isEmpty()) {
            return;
        }
        if (interactiveWaiting > 0) {
            interactiveTurn.signal();
        } else {
            batchTurn.signal();
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            // Only idle slots are ended; a slot still leased ends with its lease.
            for (Slot slot : free) {
                slot.end();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One OCR slot: its handles by language set (each initialised once, then reused). */
    private final class Slot {
        private final Map<String, TessBaseAPI> handles = new HashMap<>();

        TessBaseAPI handle(String languages) {
            TessBaseAPI handle = handles.get(languages);
            if (handle != null) {
                return handle;
            }
            requireLanguages(languages);
            TessAPI api = TessAPI.INSTANCE;
            TessBaseAPI created = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit3(created, tessdata.toString(), languages) != 0) {
                api.TessBaseAPIDelete(created);
                throw new ExtractionException(ErrorCode.LANGUAGE_UNAVAILABLE,
                        "Tesseract could not load " + languages);
            }
            handles.put(languages, created);
            return created;
        }

        void end() {
            TessAPI api = TessAPI.INSTANCE;
            for (TessBaseAPI handle : handles.values()) {
                api.TessBaseAPIEnd(handle);
                api.TessBaseAPIDelete(handle);
            }
            handles.clear();
        }
    }

    /** Exclusive use of one slot until closed. */
    public final class Lease implements AutoCloseable {
        private final Slot slot;
        private boolean released;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        /** The slot's handle for these languages, initialised on first use. */
        public TessBaseAPI handle(String languages) {
            return slot.handle(languages);
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                if (closed) {
                    slot.end();
                } else {
                    release(slot);
                }
            }
        }
    }
}
