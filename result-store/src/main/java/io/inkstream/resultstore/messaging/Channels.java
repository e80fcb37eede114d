package io.inkstream.resultstore.messaging;

/** Reactive Messaging channel names (topics and connection settings live in application.properties). */
public final class Channels {

    /** inkstream.jobs, JobAccepted. */
    public static final String JOBS_IN = "jobs-in";
    /** inkstream.results, CloudEvents from the workers. */
    public static final String RESULTS_IN = "results-in";
    /** inkstream.events, lifecycle CloudEvents relayed from the outbox. */
    public static final String EVENTS_OUT = "events-out";

    private Channels() {
    }
}
