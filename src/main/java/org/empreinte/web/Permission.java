package org.empreinte.web;

/**
 * Who may call a route, declared on it with {@link Allow}. The ids a permission is about are the
 * route's path parameters of fixed names ({@code orgId}, {@code networkId}, {@code userId}), read
 * after Jersey has matched the route, so that the id checked is the id the method receives.
 */
public enum Permission {

    /** Anyone, signed in or not: the sign-in page. */
    PUBLIC,

    /** Anyone signed in: their own account, shared references, lists filtered to what they may see. */
    SIGNED_IN,

    /** The Chantier's team. */
    ADMINISTRATOR,

    /**
     * Reads the data of {@code orgId}: its editors and viewers, the coordinators of a network it shares
     * its details with, administrators. Anyone else gets 404, as if it did not exist.
     */
    ORGANIZATION_READ,

    /** Changes the data of {@code orgId}: its editors and administrators (its readers get 403). */
    ORGANIZATION_WRITE,

    /**
     * Reads the history of {@code orgId}, which names people and shows every value ever stored: its
     * editors and administrators only, even for reading.
     */
    ORGANIZATION_HISTORY,

    /** The network {@code networkId}: its coordinators and administrators; anyone else gets 404. */
    NETWORK_COORDINATE,

    /** The person {@code userId}: themselves and administrators; anyone else gets 404. */
    SELF
}
