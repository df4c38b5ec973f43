package org.empreinte.web;

/** 404: an unknown id, or one the caller may not know exists. */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String what, Object id) {
        super(404, null, what + " " + id + " not found", "error_not_found");
    }
}
