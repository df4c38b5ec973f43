package org.empreinte.web;

/** 413: a request body beyond its limit, refused before or while it is read. */
public class RequestTooLargeException extends ApiException {

    public RequestTooLargeException(long limitBytes, boolean upload) {
        super(413, null, "the request body is larger than " + mebibytes(limitBytes) + " MiB"
                + (upload ? "; a larger CSV file goes through the import command" : ""),
                upload ? "error_upload_too_large" : "error_body_too_large", limitBytes / (1024.0 * 1024.0));
    }

    /**
     * The refusal behind an exception, or null: the limit is met while a body is read, so Jackson, Jersey
     * or a multipart parser may wrap it in its own exception first.
     */
    public static RequestTooLargeException behind(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static String mebibytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes / (1024.0 * 1024.0)).stripTrailingZeros().toPlainString();
    }
}
