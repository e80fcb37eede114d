package io.inkstream.dispatcher.config;

/** Reactive Messaging channel names of the dispatcher (topics are bound in application.properties). */
public final class Channels {

    /** Lifecycle CloudEvents from inkstream.events. */
    public static final String EVENTS_IN = "events-in";
    /** Exhausted deliveries, to inkstream.webhooks.dlq. */
    public static final String WEBHOOKS_DLQ = "webhooks-dlq";

    private Channels() {
    }
}
