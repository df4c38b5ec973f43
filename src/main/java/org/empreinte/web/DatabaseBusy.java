package org.empreinte.web;

import java.sql.SQLException;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A request the database could not serve in time because other writes held it: SQLite's single writer
 * stayed taken past the busy time-out (SQLITE_BUSY, or SQLITE_LOCKED, in any of their extended codes).
 * That is the service being busy, not a fault of the request nor of the code: 503 with {@code Retry-After},
 * never 500, and nothing was stored (the failed statement's transaction rolled back).
 *
 * <p>PostgreSQL refuses for the same reason with SQL states: a lock not obtained within lock_timeout (55P03),
 * a serialization failure (40001) or a deadlock (40P01), each of which a retry can get through. Its writers do
 * not queue for one writer, so there these are rare (two writes crossing on the same rows).
 */
public final class DatabaseBusy {

    /** Seconds a client should wait: about what a large import's publication holds the writer. */
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("55P03", "40001", "40P01");

    private DatabaseBusy() {
    }

    /** Whether the failure, or one of its causes, is the database refusing for lack of its lock. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && busy(sqlite.getResultCode())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(SQLiteErrorCode code) {
        if (code == null) {
            return false;
        }
        // Extended codes (SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED_SHAREDCACHE...) keep the primary code in their low byte.
        int primary = code.code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /** 503 with Retry-After: the API's error body under /api, an error page elsewhere. */
    public static Response response(UriInfo uri, HttpHeaders headers) {
        Response refusal = ErrorResponses.build(uri, headers, 503, "the database is busy with other writes (an import, say);"
                + " nothing was stored: retry in " + RETRY_AFTER_SECONDS + " s", null, "error_busy", RETRY_AFTER_SECONDS);
        return Response.fromResponse(refusal).header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).build();
    }
}
