package io.inkstream.worker.service;

/** Where results go; send returns only once the record is durably accepted (or throws). */
public interface ResultSink {

    void send(OutgoingResult result);
}
