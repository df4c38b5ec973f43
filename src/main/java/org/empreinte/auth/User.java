package org.empreinte.auth;

import java.security.Principal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A person who signs in (or a script with one of their tokens). {@code admin}: the Chantier's team,
 * who see every organization and manage users, networks and factor sets.
 */
public record User(long id, String email, String name, boolean admin, String createdAt) implements Principal {

    /** The principal of the token given in {@code EMPREINTE_ADMIN_TOKEN}, which no stored user owns. */
    public static final User ENVIRONMENT_ADMIN = new User(0, "admin-token@environment", "EMPREINTE_ADMIN_TOKEN", true, null);

    @Override
    @JsonIgnore
    public String getName() {
        return email;
    }
}
