package org.empreinte.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds a refusal: the API's JSON error body under {@code /api}, an HTML page in the user's language elsewhere. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static boolean isApi(UriInfo uri) {
        String path = uri.getPath(false);
        return path.startsWith("api/") || path.startsWith("/api/") || path.equals("api") || path.equals("/api");
    }

    public static Response build(UriInfo uri, HttpHeaders headers, ApiException e) {
        return build(uri, headers, e.status(), e.getMessage(), e.field(), e.messageKey(), e.messageArgs());
    }

    public static Response build(UriInfo uri, HttpHeaders headers, int status, String message, String field, String key, Object... args) {
        if (isApi(uri)) {
            // English unless the client asks for French: a script without Accept-Language reads what the API
            // documents; a French member's spreadsheet tool or page reads the refusal in French.
            String text = message;
            if (key != null && PageContext.asksFrench(uri, headers)) {
                Messages french = Messages.of(Messages.FRENCH);
                if (french.has(key)) {
                    text = french.format(key, args);
                    if (field != null && french.has("field_" + field)) {
                        text = french.get("field_" + field) + " : " + text;
                    }
                }
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(status, text, field)).build();
        }
        PageContext context = PageContext.of(uri, headers);
        Messages messages = context.messages();
        String text = key != null && messages.has(key) ? messages.format(key, args) : messages.get(defaultKey(status));
        if (field != null) {
            text = messages.labelOr("field_", field) + " : " + text;
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new ErrorPage(context, status, text)).build();
    }

    private static String defaultKey(int status) {
        return switch (status) {
            case 404 -> "error_not_found";
            case 400 -> "error_malformed";
            case 405 -> "error_method";
            default -> status >= 500 ? "error_server" : "error_refused";
        };
    }
}
