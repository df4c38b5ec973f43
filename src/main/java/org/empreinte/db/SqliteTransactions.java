package org.empreinte.db;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.jdbc.pool.ConnectionPool;
import org.apache.tomcat.jdbc.pool.JdbcInterceptor;
import org.apache.tomcat.jdbc.pool.PooledConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How the service's SQLite transactions take and leave the database's single write lock.
 *
 * <p><b>Writers queue in order, in the JVM.</b> Left to SQLite, a transaction that finds the lock taken polls for it
 * with sleeps growing to 100 ms (its busy handler): under 32 concurrent writers the lock sat free most of the time
 * while the waiters slept, 80 to 120 writes a second where one takes 2 to 3 ms, and the unluckiest waited past the
 * 5 s busy time-out (a 503 for a healthy service). Every pooled transaction on a file now first takes a fair
 * semaphore of that file's: the next writer is woken the moment the lock is left, in arrival order, and SQLite's busy
 * handler is left to the writers outside this JVM (a backup, the command line), which it still serves. Waiting past
 * the busy time-out is answered as SQLite would answer it, SQLITE_BUSY, which the service answers 503.
 *
 * <p><b>A commit does not begin the next transaction.</b> sqlite-jdbc's {@code commit()} runs COMMIT and at once
 * BEGIN again, which with the IMMEDIATE transaction mode waits for the write lock: while an import's publication
 * held it past the busy time-out, a write that had just been committed failed in that second step and was answered
 * 503 though stored (ImportConcurrencyTest: one more activity stored than acknowledged). Turning auto-commit on
 * commits the transaction and begins none; JDBI's own switch back to auto-commit after a commit then finds nothing
 * to do. Every write in the service is a JDBI transaction ended by one commit, so none runs statements after it.
 */
public final class SqliteTransactions extends JdbcInterceptor {

    private static final Method SET_AUTO_COMMIT;
    private static final Map<String, Semaphore> WRITERS = new ConcurrentHashMap<>();
    private static final long DEFAULT_BUSY_TIMEOUT_MS = 5_000;

    static {
        try {
            SET_AUTO_COMMIT = Connection.class.getMethod("setAutoCommit", boolean.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A pool's interceptors are made anew for each borrowing: this one's state is the borrower's transaction. */
    private Semaphore writers;
    private long busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS;
    private boolean holding;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (compare("setAutoCommit", method) && args != null && args.length == 1 && Boolean.FALSE.equals(args[0])) {
            return begin(proxy, method, args);
        }
        boolean ends = compare("commit", method) && (args == null || args.length == 0)
                || compare("setAutoCommit", method) && args != null && args.length == 1 && Boolean.TRUE.equals(args[0])
                || compare(CLOSE_VAL, method);
        try {
            if (compare("commit", method) && (args == null || args.length == 0)) {
                return super.invoke(proxy, SET_AUTO_COMMIT, new Object[] {Boolean.TRUE});
            }
            return super.invoke(proxy, method, args);
        } finally {
            if (ends) {
                leave();
            }
        }
    }

    private Object begin(Object proxy, Method method, Object[] args) throws Throwable {
        if (holding || writers == null) {
            return super.invoke(proxy, method, args);
        }
        if (!writers.tryAcquire(busyTimeoutMs, TimeUnit.MILLISECONDS)) {
            throw new SQLiteException("[SQLITE_BUSY] the database file is locked: " + busyTimeoutMs
                    + " ms waited behind the service's other writers", SQLiteErrorCode.SQLITE_BUSY);
        }
        holding = true;
        boolean begun = false;
        try {
            Object result = super.invoke(proxy, method, args);
            begun = true;
            return result;
        } finally {
            if (!begun) {
                leave();
            }
        }
    }

    private void leave() {
        if (holding) {
            holding = false;
            writers.release();
        }
    }

    @Override
    public void reset(ConnectionPool parent, PooledConnection connection) {
        if (parent == null) {
            return;
        }
        writers = WRITERS.computeIfAbsent(parent.getPoolProperties().getUrl(), url -> new Semaphore(1, true));
        Object timeout = parent.getPoolProperties().getDbProperties().get("busy_timeout");
        if (timeout != null) {
            busyTimeoutMs = Long.parseLong(timeout.toString());
        }
    }

    /** Writers of this file waiting for another's transaction to end, for tests. */
    static int waiting(String url) {
        Semaphore semaphore = WRITERS.get(url);
        return semaphore == null ? 0 : semaphore.getQueueLength();
    }
}
