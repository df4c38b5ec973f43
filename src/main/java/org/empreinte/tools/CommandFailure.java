package org.empreinte.tools;

/**
 * A command's failure that the person running it can act on: the command prints its message, one line, and exits
 * with status 1, without a stack trace (which would bury the one thing to do under lines of frames).
 */
public class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the README says to start the service with, for the failures that come from its being down. */
    public static final String START_THE_SERVICE = "java -jar target/empreinte.jar server config.yml";

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
