package io.inkstream.dispatcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details body with Inkstream's code and request id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String request_id) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
