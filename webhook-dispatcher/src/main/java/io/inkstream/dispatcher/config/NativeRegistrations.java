package io.inkstream.dispatcher.config;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.contracts.message.Progress;
import io.inkstream.dispatcher.rest.EndpointResource;
import io.inkstream.dispatcher.rest.MessageResource;
import io.inkstream.dispatcher.rest.Problem;
import io.inkstream.dispatcher.rest.SecretResource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers every JSON type the dispatcher binds with Jackson for native images: the contracts' event types and
 * the wire records, including those returned inside a {@code Response} (which REST cannot discover itself).
 */
@RegisterForReflection(targets = { CloudEvent.class, JobEventData.class, JobEventData.DocumentStatus.class,
        Progress.class, Problem.class, SecretResource.SecretResponse.class, MessageResource.MessageList.class,
        MessageResource.MessageView.class, MessageResource.AttemptView.class, MessageResource.RetryResponse.class,
        EndpointResource.EndpointRequest.class, EndpointResource.EndpointView.class,
        EndpointResource.EndpointList.class, EndpointResource.EndpointAttempt.class,
        EndpointResource.EndpointAttempts.class, EndpointResource.RecoverRequest.class,
        EndpointResource.RecoverResponse.class })
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
