package org.empreinte.web;

/** 400: a body or parameter that cannot be read at all. */
public class MalformedRequestException extends ApiException {

    public MalformedRequestException(String field, String message) {
        super(400, field, message, "error_malformed");
    }
}
