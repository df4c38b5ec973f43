package org.empreinte.audit;

/**
 * Who is writing, for the audit trail: set by the authentication filter for the request's thread
 * (Jersey runs a request's filters, resource and services on one thread), or by a command for its
 * run. Services read it where they record a write, so that their signatures need not carry it.
 */
public final class Actor {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {
    }

    public static void set(String who) {
        CURRENT.set(who);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Who is writing; "system" when nobody signed in set it (start-up, a task of the admin port). */
    public static String current() {
        String who = CURRENT.get();
        return who == null ? "system" : who;
    }
}
