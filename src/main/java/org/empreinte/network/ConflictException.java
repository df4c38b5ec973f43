package org.empreinte.network;

import org.empreinte.web.ApiException;

/** 409: the request would store what is already there (an organization already a member of the network). */
public class ConflictException extends ApiException {

    public ConflictException(String field, String message, String messageKey) {
        super(409, field, message, messageKey);
    }
}
