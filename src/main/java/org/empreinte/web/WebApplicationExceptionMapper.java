package org.empreinte.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (unknown path, wrong method, unsupported media type) in the API's body or as a page. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 300 && status < 400) {
            return original;
        }
        String message = status == 404 ? "not found" : e.getMessage();
        Response response = ErrorResponses.build(uri, headers, status, message, null, null);
        if (original.getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", original.getHeaderString("Allow")).build();
        }
        return response;
    }
}
