package org.empreinte.activity;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The imports of CSV files, and the activities of an organization read as the CSV export writes them. */
public interface ActivityCsvDao extends SqlObject {

    /** One file imported into an organization; the same bytes (SHA-256) are refused there a second time. */
    record ImportRecord(long id, long organizationId, String sha256, String fileName, int rowCount, String importedAt) {
    }

    /** One activity with one of its tags (null when it has none): an activity with n tags gives n lines in a row. */
    record ExportLine(long id, String type, double quantity, String unit, String periodStart, String periodEnd, String region,
            String siteName, String dataQuality, String attributes, String tag, double co2eKg) {
    }

    @SqlQuery("INSERT INTO activity_import (organization_id, sha256, file_name, row_count, imported_at)"
            + " VALUES (:organizationId, :sha256, :fileName, :rowCount, :importedAt) RETURNING id")
    long insertImport(@Bind("organizationId") long organizationId, @Bind("sha256") String sha256,
            @Bind("fileName") String fileName, @Bind("rowCount") int rowCount, @Bind("importedAt") String importedAt);

    @SqlQuery("SELECT id, organization_id, sha256, file_name, row_count, imported_at FROM activity_import"
            + " WHERE organization_id = :organizationId AND sha256 = :sha256")
    @RegisterConstructorMapper(ImportRecord.class)
    Optional<ImportRecord> findImport(@Bind("organizationId") long organizationId, @Bind("sha256") String sha256);

    /**
     * Streams the activities the list would answer for the same filters, in the same order, each with its
     * explicit region (not the one it inherits) and its site's name. One statement, so one consistent
     * reading even while others write; memory stays bounded whatever the number of activities. Its kg CO2e is the
     * activity's with all its lines (change set 18-activity-lines).
     */
    default void export(long organizationId, Long fromDay, Long toDay, String type, String tag, Consumer<ExportLine> each) {
        ActivityFilter filter = new ActivityFilter(organizationId, fromDay, toDay, type, tag);
        Query query = filter.bind(getHandle().createQuery("SELECT a.id, a.type, a.quantity, a.unit, a.period_start,"
                + " a.period_end, a.region, s.name AS site_name, a.data_quality, a.attributes, t.tag,"
                // Every line of the activity (its upstream, its losses), so that the column adds up to the footprint.
                + " a.co2e_kg + COALESCE((SELECT SUM(l.co2e_kg) FROM activity_line l WHERE l.activity_id = a.id), 0) AS co2e_kg"
                + " FROM activity a"
                + " LEFT JOIN site s ON s.id = a.site_id LEFT JOIN activity_tag t ON t.activity_id = a.id"
                + " WHERE " + filter.where() + " ORDER BY a.period_start, a.id, t.tag"));
        query.setFetchSize(1000).map(ConstructorMapper.of(ExportLine.class)).useStream(lines -> lines.forEach(each));
    }
}
