package io.inkstream.gateway.service;

/** Plans from the product brief: requests per minute, concurrent jobs, burst. Enterprise is set per contract. */
public enum Plan {
    FREE(10, 2, 15),
    STARTER(60, 10, 100),
    PROFESSIONAL(300, 50, 500),
    ENTERPRISE(6000, 1000, 10000);

    private final int requestsPerMinute;
    private final int concurrentJobs;
    private final int burst;

    Plan(int requestsPerMinute, int concurrentJobs, int burst) {
        this.requestsPerMinute = requestsPerMinute;
        this.concurrentJobs = concurrentJobs;
        this.burst = burst;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public int concurrentJobs() {
        return concurrentJobs;
    }

    public int burst() {
        return burst;
    }

    public static Plan of(String name) {
        return valueOf(name.trim().toUpperCase());
    }
}
