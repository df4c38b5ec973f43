package org.empreinte.web;

/** 409: the request would store what is already there (an organization already a member of the network, a year already submitted). */
public class ConflictException extends ApiException {

    public ConflictException(String field, String message, String messageKey, Object... args) {
        super(409, field, message, messageKey, args);
    }
}
