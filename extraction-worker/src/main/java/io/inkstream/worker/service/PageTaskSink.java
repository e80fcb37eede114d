package io.inkstream.worker.service;

import io.inkstream.contracts.message.PageTask;

/** Where fanned-out page tasks go; send returns only once the task is durably accepted (or throws). */
public interface PageTaskSink {

    void send(PageTask task);
}
