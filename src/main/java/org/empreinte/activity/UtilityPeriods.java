package org.empreinte.activity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import org.empreinte.activity.ImportRefusedException.RowError;

/**
 * The periods a utility's download would log again on its site: a meter's kWh counted twice would double the
 * footprint, so a download overlapping activities of the same type already logged for the site is refused,
 * naming each pair of periods, unless the person asks that it replace them (then those activities are deleted
 * in the import's transaction: {@link ActivityImport}).
 */
final class UtilityPeriods {

    /** An activity already logged whose period a new row overlaps. */
    record Logged(long id, String periodStart, String periodEnd, double quantity, String unit) {
    }

    interface Dao {
        @SqlQuery("SELECT id, period_start, period_end, quantity, unit FROM activity WHERE organization_id = :organizationId"
                + " AND site_id = :siteId AND type = :type AND period_start <= :periodEnd AND period_end >= :periodStart"
                + " ORDER BY period_start, id")
        @RegisterConstructorMapper(Logged.class)
        List<Logged> overlapping(@Bind("organizationId") long organizationId, @Bind("siteId") long siteId,
                @Bind("type") String type, @Bind("periodStart") String periodStart, @Bind("periodEnd") String periodEnd);
    }

    private final Jdbi jdbi;

    UtilityPeriods(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The ids of the activities a utility's rows replace (none for another file); refuses (422) when some overlap
     * and replacing was not asked, one error per new row, naming its period and those it overlaps.
     */
    List<Long> replaced(long organizationId, List<ActivityImport.PreparedRow> rows, ActivityImport.Utility utility) {
        if (utility == null) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<RowError> errors = new ArrayList<>();
        jdbi.useHandle(handle -> {
            Dao dao = handle.attach(Dao.class);
            for (ActivityImport.PreparedRow prepared : rows) {
                int row = prepared.row();
                ActivityRow stored = prepared.stored();
                if (stored.siteId() == null) {
                    continue;
                }
                List<Logged> logged = dao.overlapping(organizationId, stored.siteId(), stored.type(), stored.periodStart(),
                        stored.periodEnd());
                if (logged.isEmpty()) {
                    continue;
                }
                logged.forEach(l -> ids.add(l.id()));
                String periods = String.join(", ", logged.stream().map(l -> l.periodStart() + " – " + l.periodEnd()).toList());
                errors.add(RowError.of(row, "periodStart", "the period " + stored.periodStart() + " – " + stored.periodEnd()
                        + " overlaps what site '" + stored.siteName() + "' already has: " + periods + "; import again asking"
                        + " to replace them, or leave these periods out", "error_utility_overlap",
                        stored.periodStart() + " – " + stored.periodEnd(), stored.siteName(), periods));
            }
        });
        if (!errors.isEmpty() && !utility.replace()) {
            throw new ImportRefusedException(errors.size() + " periods of the file are already logged for the site; nothing"
                    + " was imported", "import_utility_overlap", errors, false, errors.size());
        }
        return List.copyOf(ids);
    }
}
