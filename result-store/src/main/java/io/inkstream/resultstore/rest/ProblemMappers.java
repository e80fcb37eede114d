package io.inkstream.resultstore.rest;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.inkstream.contracts.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns every error into problem+json with an ErrorCode; unexpected failures are logged by id, never by content. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri, HttpHeaders headers) {
        return problem(e.code(), e.getMessage(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        return problem(code, status == 404 ? "not found" : e.getMessage(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        LOG.errorf("request %s failed: %s", uri.getPath(), e.getClass().getName());
        LOG.debug("failure", e);
        return problem(ErrorCode.UNAVAILABLE, "temporarily unavailable", uri, headers);
    }

    static Response problem(ErrorCode code, String detail, UriInfo uri, HttpHeaders headers) {
        String requestId = headers == null ? null : headers.getHeaderString("X-Request-Id");
        Problem p = new Problem("https://inkstream.io/problems/" + code.name().toLowerCase().replace('_', '-'),
                code.title(), code.httpStatus(), detail, uri == null ? null : uri.getPath(), code.name(), requestId);
        Response.ResponseBuilder b = Response.status(code.httpStatus()).type(PROBLEM_JSON).entity(p);
        if (code == ErrorCode.UNAVAILABLE) {
            b.header("Retry-After", "1");
        }
        return b.build();
    }
}
