package org.empreinte.web;

/** The HTML page shown when a page request is refused or fails. */
public class ErrorPage extends Page {

    private final int status;
    private final String message;

    public ErrorPage(PageContext context, int status, String message) {
        super("error.mustache", context);
        this.status = status;
        this.message = message;
    }

    @Override
    public String getTitle() {
        return messages().get("error_title") + " " + status;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }
}
