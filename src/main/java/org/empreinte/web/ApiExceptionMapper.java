package org.empreinte.web;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.build(uri, headers, e);
    }
}
