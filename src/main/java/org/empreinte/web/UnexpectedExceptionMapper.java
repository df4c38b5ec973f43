package org.empreinte.web;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 500 for anything unforeseen: logged with an id the user can quote, details never shown. A database busy
 * with other writes is foreseen: 503 (see {@link DatabaseBusy}).
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        RequestTooLargeException tooLarge = RequestTooLargeException.behind(e);
        if (tooLarge != null) {
            return ErrorResponses.build(uri, headers, tooLarge);
        }
        if (DatabaseBusy.is(e)) {
            LOG.warn("Database busy, answered 503: {}", e.toString());
            return DatabaseBusy.response(uri, headers);
        }
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Error handling a request: {}", id, e);
        return ErrorResponses.build(uri, headers, 500, "internal error " + id, null, "error_server_id", id);
    }
}
