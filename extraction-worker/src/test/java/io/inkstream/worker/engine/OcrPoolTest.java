package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcrPoolTest {

    private OcrPool pool;

    @BeforeEach
    void start() {
        pool = new OcrPool(Fixtures.TESSDATA, 1, "eng");
        pool.start();
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private Thread waiter(boolean interactive, List<String> order) {
        Thread t = new Thread(() -> {
            try (OcrPool.Lease lease = pool.acquire(interactive)) {
                order.add(interactive ? "interactive" : "batch");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    @Test
    void givenBatchWaitingFirst_whenSlotFrees_thenInteractiveCallerGetsItFirst() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        OcrPool.Lease held = pool.acquire(false);
        Thread batch = waiter(false, order);
        await().atMost(Duration.ofSeconds(5)).until(() -> batch.getState() == Thread.State.WAITING);
        Thread interactive = waiter(true, order);
        await().atMost(Duration.ofSeconds(5)).until(() -> interactive.getState() == Thread.State.WAITING);

        held.close();
        batch.join(5000);
        interactive.join(5000);

        assertThat(order).containsExactly("interactive", "batch");
        assertThat(pool.available()).isEqualTo(1);
    }

    @Test
    void givenOsdTrainedData_whenPoolStarts_thenOrientationIsAvailableButOsdIsNoReadingLanguage() {
        assertThat(pool.hasOsd()).isTrue();
        assertThat(pool.installedLanguages()).contains("eng").doesNotContain("osd");
    }
}
