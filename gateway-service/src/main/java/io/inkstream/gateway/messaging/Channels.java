package io.inkstream.gateway.messaging;

/** Reactive Messaging channel names of the gateway. */
public final class Channels {

    /** Transactional producer for inkstream.jobs; documents ride the same transaction by topic override. */
    public static final String SUBMISSIONS = "submissions";

    private Channels() {
    }
}
