package org.empreinte.activity;

import org.empreinte.web.ApiException;

/** 400: a file that cannot be read as CSV at all (an unclosed quote, bytes that are not UTF-8). */
public class MalformedCsvException extends ApiException {

    public MalformedCsvException(String message, String messageKey, Object... args) {
        super(400, null, message, messageKey, args);
    }
}
