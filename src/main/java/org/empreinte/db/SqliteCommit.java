package org.empreinte.db;

import java.lang.reflect.Method;
import java.sql.Connection;

import org.apache.tomcat.jdbc.pool.ConnectionPool;
import org.apache.tomcat.jdbc.pool.JdbcInterceptor;
import org.apache.tomcat.jdbc.pool.PooledConnection;

/**
 * Ends a SQLite transaction without beginning the next one. sqlite-jdbc's {@code commit()} runs COMMIT and at once
 * BEGIN again, which with the IMMEDIATE transaction mode waits for the write lock: while an import's publication
 * held it past the busy time-out, a write that had just been committed failed in that second step and was answered
 * 503 though stored (ImportConcurrencyTest: one more activity stored than acknowledged). Every commit also took the
 * write lock a second time, for nothing, until JDBI turned auto-commit back on. Turning auto-commit on commits the
 * transaction and begins none; JDBI's own switch back to auto-commit after a commit then finds nothing to do.
 * Every write in the service is a JDBI transaction ended by one commit, so none runs statements after it.
 */
public final class SqliteCommit extends JdbcInterceptor {

    private static final Method SET_AUTO_COMMIT;

    static {
        try {
            SET_AUTO_COMMIT = Connection.class.getMethod("setAutoCommit", boolean.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (compare("commit", method) && (args == null || args.length == 0)) {
            return super.invoke(proxy, SET_AUTO_COMMIT, new Object[] {Boolean.TRUE});
        }
        return super.invoke(proxy, method, args);
    }

    @Override
    public void reset(ConnectionPool parent, PooledConnection connection) {
        // Nothing is kept per connection.
    }
}
