package org.empreinte.activity;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;

import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.factor.FactorLibrary;

/**
 * The activity feature wired once, for the application, the import command and the tests alike: its kinds
 * (with any made-up ones a test adds), the preparation every way in shares, and the services built on it.
 */
public record ActivityFeature(ActivityKinds kinds, ActivityPreparation preparation, ActivityCsv csv,
        ActivityService activities, Recomputation recomputation, Restatement restatement, ActivityImport imports,
        ActivityExport exports) {

    public static ActivityFeature wire(Jdbi jdbi, FactorLibrary library, ObjectMapper json, Clock clock, AuditTrail audit,
            UnitOfWork units, ActivityKind... moreKinds) {
        ActivityKinds kinds = ActivityKinds.of(library, moreKinds);
        ActivityPreparation preparation = new ActivityPreparation(kinds, new EmissionCalculator(library.selector()), json);
        ActivityCsv csv = ActivityCsv.of(kinds);
        ActivityService activities = new ActivityService(jdbi, preparation, units, audit, library, clock);
        return new ActivityFeature(kinds, preparation, csv, activities,
                new Recomputation(jdbi, preparation, units, library, clock),
                new Restatement(jdbi, preparation),
                new ActivityImport(jdbi, preparation, csv, activities, units, clock),
                new ActivityExport(jdbi, preparation, csv));
    }
}
