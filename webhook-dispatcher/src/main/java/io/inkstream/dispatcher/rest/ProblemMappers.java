package io.inkstream.dispatcher.rest;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.inkstream.contracts.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Maps every failure of the internal API to problem+json; only unexpected errors become 500 INTERNAL. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return build(e.code(), e.code().httpStatus(), e.getMessage(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        return build(code, status, e.getMessage(), uri, headers);
    }

    @ServerExceptionMapper
    public Response badJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return build(ErrorCode.INVALID_REQUEST, 400, "request body is not valid JSON for this resource", uri,
                headers);
    }

    @ServerExceptionMapper
    public Response badJsonInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri,
            HttpHeaders headers) {
        return build(ErrorCode.INVALID_REQUEST, 400, "request body does not match the expected JSON shape", uri,
                headers);
    }

    @ServerExceptionMapper
    public Response badJsonSyntax(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri,
            HttpHeaders headers) {
        return build(ErrorCode.INVALID_REQUEST, 400, "request body is not valid JSON", uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidArgument(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        return build(ErrorCode.INVALID_REQUEST, 400, e.getMessage(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String requestId = requestId(headers);
        LOG.errorf(e, "unexpected error on %s (request %s)", uri.getPath(), requestId);
        return build(ErrorCode.INTERNAL, 500, "unexpected error", uri, headers);
    }

    private static Response build(ErrorCode code, int status, String detail, UriInfo uri, HttpHeaders headers) {
        Problem body = new Problem("https://inkstream.io/problems/" + code.name().toLowerCase().replace('_', '-'),
                code.title(), status, detail, uri.getPath(), code.name(), requestId(headers));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String requestId(HttpHeaders headers) {
        String id = headers.getHeaderString("x-request-id");
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
