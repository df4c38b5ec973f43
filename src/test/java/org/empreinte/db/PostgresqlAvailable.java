package org.empreinte.db;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL run, disables the database and api tiers' classes when the server cannot be reached, so that
 * surefire counts and names them as skipped (an assumption failing in a class's set-up is reported as no test at
 * all). Never on CI: there the tests run and fail (see {@link TestDatabase}).
 */
public final class PostgresqlAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.onPostgresql() || TestDatabase.onCi()) {
            return ConditionEvaluationResult.enabled("not skipped here");
        }
        return TestDatabase.unreachable().map(reason -> ConditionEvaluationResult.disabled(reason + " Skipped."))
                .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL reachable"));
    }
}
