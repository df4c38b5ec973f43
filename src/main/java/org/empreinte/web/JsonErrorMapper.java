package org.empreinte.web;

import java.util.stream.Collectors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** 400 for a body that is not JSON, or whose value has the wrong JSON type, naming the field where Jackson knows it. */
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException e) {
        RequestTooLargeException tooLarge = RequestTooLargeException.behind(e);
        if (tooLarge != null) {
            return ErrorResponses.build(uri, headers, tooLarge);
        }
        String field = null;
        String message = "malformed JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = "field '" + field + "' has a value of the wrong type";
        }
        return ErrorResponses.build(uri, headers, 400, message, field, "error_malformed");
    }
}
