package org.empreinte.auth;

import org.empreinte.web.ApiException;

/** A refusal of who is asking: 401 without valid credentials, 403 for a role that may not, 409 for a taken email. */
public class AuthException extends ApiException {

    public AuthException(int status, String field, String message, String messageKey, Object... args) {
        super(status, field, message, messageKey, args);
    }
}
