package org.empreinte.activity;

import static org.empreinte.web.TextFields.blankToNull;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.organization.OrganizationDao;

/**
 * An organization's activities as a CSV file in the import's layout, streamed from the database: each activity
 * as the request that would log it again, so that an export imports back into another organization.
 */
public final class ActivityExport {

    /** Validated export filters; {@link #write} writes them. */
    public record Query(long organizationId, Long fromDay, Long toDay, String type, String tag) {
    }

    private final ActivityPreparation preparation;
    private final ActivityCsv csv;
    private final ActivityCsvDao csvDao;
    private final OrganizationDao organizationDao;

    public ActivityExport(Jdbi jdbi, ActivityPreparation preparation, ActivityCsv csv) {
        this.preparation = preparation;
        this.csv = csv;
        this.csvDao = jdbi.onDemand(ActivityCsvDao.class);
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
    }

    /** Checks the organization and the filters (as the list does) before anything is written. */
    public Query query(long organizationId, String from, String to, String type, String tag) {
        Long fromDay = ActivityPreparation.day("from", from);
        Long toDay = ActivityPreparation.day("to", to);
        organizationDao.require(organizationId);
        return new Query(organizationId, fromDay, toDay, blankToNull(type), blankToNull(tag));
    }

    /** Writes the activities, header first. */
    public void write(Query query, OutputStream out) {
        write(query, out, false);
    }

    /** Writes the activities, header first, with their kg CO2e as a last column when asked (the import ignores it). */
    public void write(Query query, OutputStream out, boolean co2e) {
        ActivityCsvWriter writer = co2e ? csv.writeWithCo2e(out) : csv.write(out);
        each(query, (activity, co2eKg) -> writer.write(activity, co2e ? co2eKg : null));
        writer.close();
    }

    /** Each activity the query selects, as the request that would log it again, with its kg CO2e. */
    public void each(Query query, BiConsumer<ActivityRequest, Double> consumer) {
        List<ActivityCsvDao.ExportLine> current = new ArrayList<>();
        csvDao.export(query.organizationId(), query.fromDay(), query.toDay(), query.type(), query.tag(), line -> {
            if (!current.isEmpty() && current.get(0).id() != line.id()) {
                consumer.accept(request(current), current.get(0).co2eKg());
                current.clear();
            }
            current.add(line);
        });
        if (!current.isEmpty()) {
            consumer.accept(request(current), current.get(0).co2eKg());
        }
    }

    /** The lines of one activity (one per tag) as the request that would log it again. */
    private ActivityRequest request(List<ActivityCsvDao.ExportLine> lines) {
        ActivityCsvDao.ExportLine a = lines.get(0);
        List<String> tags = lines.stream().map(ActivityCsvDao.ExportLine::tag).filter(t -> t != null).toList();
        Map<String, Object> attributes = preparation.readAttributes(a.attributes());
        boolean derived = preparation.quantityIsDerived(a.type(), attributes);
        return new ActivityRequest(a.type(), derived ? null : a.quantity(), derived ? null : a.unit(), a.periodStart(),
                a.periodEnd(), null, a.region(), a.siteName(), tags, a.dataQuality(), attributes);
    }

}
