package io.inkstream.resultstore.entity;

import java.util.Set;

/** Job and document state names (DESIGN.md "States") and which of them are final. */
public final class States {

    public static final String QUEUED = "queued";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String NEEDS_REVIEW = "needs_review";
    public static final String PARTIALLY_COMPLETED = "partially_completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static final Set<String> JOB_STATES = Set.of(QUEUED, PROCESSING, COMPLETED, NEEDS_REVIEW,
            PARTIALLY_COMPLETED, FAILED, CANCELLED);
    private static final Set<String> FINAL_JOB = Set.of(COMPLETED, NEEDS_REVIEW, PARTIALLY_COMPLETED, FAILED,
            CANCELLED);
    private static final Set<String> FINAL_DOCUMENT = Set.of(COMPLETED, NEEDS_REVIEW, FAILED, CANCELLED);

    public static final String PAGE_OK = "ok";
    public static final String PAGE_FAILED = "failed";

    private States() {
    }

    public static boolean isFinalJob(String state) {
        return FINAL_JOB.contains(state);
    }

    public static boolean isFinalDocument(String state) {
        return FINAL_DOCUMENT.contains(state);
    }

    /** The final job state once every document is final (cancel is handled apart). */
    public static String finalJobState(int documentsTotal, int documentsFailed, int documentsReview) {
        if (documentsTotal > 0 && documentsFailed == documentsTotal) {
            return FAILED;
        }
        if (documentsFailed > 0) {
            return PARTIALLY_COMPLETED;
        }
        if (documentsReview > 0) {
            return NEEDS_REVIEW;
        }
        return COMPLETED;
    }
}
