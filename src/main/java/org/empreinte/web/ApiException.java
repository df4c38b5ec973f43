package org.empreinte.web;

/**
 * A refused request, mapped to the error body of the public API ({@code code}, {@code message},
 * {@code field}) for {@code /api} and to an HTML error page elsewhere. The message key and its
 * arguments let pages say the same thing in French.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final String messageKey;
    private final Object[] messageArgs;

    protected ApiException(int status, String field, String message, String messageKey, Object... messageArgs) {
        super(message);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }
}
