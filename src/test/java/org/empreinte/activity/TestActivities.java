package org.empreinte.activity;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import io.dropwizard.jackson.Jackson;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.factor.FactorLibrary;

/** The activity feature wired as the application wires it, on a test's database and library. */
public final class TestActivities {

    private TestActivities() {
    }

    public static ActivityFeature wire(Jdbi jdbi, FactorLibrary library) {
        return wire(jdbi, library, Clock.systemUTC());
    }

    public static ActivityFeature wire(Jdbi jdbi, FactorLibrary library, Clock clock) {
        AuditTrail audit = new AuditTrail(jdbi, Jackson.newObjectMapper(), clock);
        return ActivityFeature.wire(jdbi, library, Jackson.newObjectMapper(), clock, audit, new UnitOfWork(jdbi, audit));
    }
}
