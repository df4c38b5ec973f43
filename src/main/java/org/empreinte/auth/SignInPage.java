package org.empreinte.auth;

import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The sign-in form; {@code next} is where the person was going. */
public class SignInPage extends Page {

    private final String next;
    private final String email;
    private final boolean refused;
    private String throttled;

    public SignInPage(PageContext context, String next, String email, boolean refused) {
        super("sign-in.mustache", context);
        this.next = next;
        this.email = email;
        this.refused = refused;
    }

    @Override
    public String getTitle() {
        return messages().get("login_title");
    }

    public String getNext() {
        return next;
    }

    public String getEmail() {
        return email;
    }

    public boolean getRefused() {
        return refused;
    }

    /** Too many failures: the form says how long to wait, in whole seconds. */
    public SignInPage throttled(long seconds) {
        this.throttled = messages().format("login_throttled", seconds);
        return this;
    }

    public String getThrottled() {
        return throttled;
    }
}
