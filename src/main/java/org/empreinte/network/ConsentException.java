package org.empreinte.network;

import org.empreinte.web.ApiException;

/** A coordinator may invite an organization, sharing nothing: what it shares is its editors' decision. */
public class ConsentException extends ApiException {

    public ConsentException() {
        super(403, "sharing", "only the organization's editors decide what it shares", "error_consent");
    }
}
