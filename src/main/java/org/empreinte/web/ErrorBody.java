package org.empreinte.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error body fixed by the public API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, String field) {
}
