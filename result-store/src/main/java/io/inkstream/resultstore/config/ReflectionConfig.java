package io.inkstream.resultstore.config;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentFailed;
import io.inkstream.contracts.message.DocumentRef;
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.JobAccepted;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.contracts.message.PageFailed;
import io.inkstream.contracts.message.PageResult;
import io.inkstream.contracts.message.Progress;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registers the contracts' Jackson records for native images (they live in a plain jar Quarkus does not index). */
@RegisterForReflection(targets = { CloudEvent.class, JobAccepted.class, DocumentRef.class, ExtractionOptions.class,
        DocumentSplit.class, PageExtracted.class, PageFailed.class, DocumentFailed.class, PageResult.class,
        PageResult.Block.class, PageResult.Line.class, PageResult.Word.class, PageResult.Timings.class,
        JobEventData.class, JobEventData.DocumentStatus.class, Progress.class })
public class ReflectionConfig {
}
