package org.empreinte.web;

/** 422: a value that fails validation, naming the field at fault. */
public class ValidationException extends ApiException {

    public ValidationException(String field, String message) {
        this(field, message, null);
    }

    /** @param messageKey a key of the page bundles that says the same in the user's language, or null */
    public ValidationException(String field, String message, String messageKey, Object... args) {
        super(422, field, message, messageKey, args);
    }
}
