package org.empreinte.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.Tiers;
import org.empreinte.activity.Activity;
import org.empreinte.activity.ActivityFeature;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.ActivityService;
import org.empreinte.activity.RunningTotals;
import org.empreinte.activity.TestActivities;
import org.empreinte.db.Proration;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.TestLibraries;
import org.empreinte.footprint.FootprintDao.Group;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.SiteRequest;

/**
 * The reports read from the running totals give the figures the sums over every stored monthly share gave before
 * (the reading path they replaced, kept below as {@link SharesPath}, its SQL as it was). Varied data goes through
 * every write path: kinds of every scope, periods crossing months and years, sites, tags, posts one by one and in a
 * batch, edits (quantity, site, tags, period), deletions, a restore from the trail, a CSV import, and a
 * recomputation after a factor update. Then every figure a report is made of (each group's emissions by gas, its
 * quantity and activity count, by month and result key; the totals by scope of the comparison; the tags) is compared
 * for periods cut at every kind of bound, without a tag and for each tag. Every line of an activity counts (its direct
 * line's shares, and its other lines': a fuel's upstream, electricity's losses, change set 18-activity-lines).
 *
 * <p>Doubles added in another order (a running total adds one activity at a time, and subtracts on edits) may differ
 * in their last bits, so figures compare within 1e-9 relative (1e-9 kg for those that are near zero); counts and keys
 * compare exactly.
 */
@Tiers.Database
class RunningTotalsEqualityTest {

    private static final double RELATIVE = 1e-9;
    private static final double NEAR_ZERO_KG = 1e-9;

    @TempDir
    static Path folder;

    private static Jdbi jdbi;
    private static long coop;
    private static long other;

    /** The reading path before the running totals: every share of the period, those crossing a bound prorated. */
    @AllowUnusedBindings
    @RegisterConstructorMapper(Group.class)
    @RegisterConstructorMapper(FootprintDao.ScopeTotal.class)
    interface SharesPath {

        String COUNT_ONCE = "SUM(CASE WHEN m.first_day <= :fromDay OR m.first_day = a.start_day THEN 1 ELSE 0 END) AS activities";
        String INSIDE = " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
                + " WHERE m.organization_id = :organizationId AND " + Proration.WHOLLY_IN_WINDOW + " <tagFilter>";
        String ACROSS = " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
                + " WHERE m.organization_id = :organizationId AND " + Proration.CROSSING_A_BOUND + " <tagFilter>";
        /** The activities' other lines (change set 18-activity-lines): their shares, summed the same way. */
        String LINES = " FROM activity_line_month m JOIN activity_line l ON l.activity_id = m.activity_id AND l.line = m.line"
                + " JOIN activity a ON a.id = m.activity_id WHERE m.organization_id = :organizationId AND ";
        String LINE_INSIDE = LINES + Proration.WHOLLY_IN_WINDOW + " <tagFilter>";
        String LINE_ACROSS = LINES + Proration.CROSSING_A_BOUND + " <tagFilter>";
        String SUMS_INSIDE = " SUM(m.co2e_kg) AS co2e_kg, SUM(m.co2_co2e_kg) AS co2_co2e_kg,"
                + " SUM(m.ch4_co2e_kg) AS ch4_co2e_kg, SUM(m.n2o_co2e_kg) AS n2o_co2e_kg,"
                + " SUM(m.unspecified_co2e_kg) AS unspecified_co2e_kg, ";
        String SUMS_ACROSS = " SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg,"
                + " SUM(m.co2_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2_co2e_kg,"
                + " SUM(m.ch4_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS ch4_co2e_kg,"
                + " SUM(m.n2o_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS n2o_co2e_kg,"
                + " SUM(m.unspecified_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS unspecified_co2e_kg, ";

        @SqlQuery("SELECT k.scope, k.category, g.month, NULLIF(k.site_id, 0) AS site_id, s.name AS site_name, k.type,"
                + " k.data_quality, k.factor_id, k.factor_set, k.factor_set_version, k.factor_unit, k.factor_co2e_per_unit,"
                + " g.co2e_kg, g.co2_co2e_kg, g.ch4_co2e_kg, g.n2o_co2e_kg, g.unspecified_co2e_kg, g.quantity, g.activities,"
                + " k.line FROM ("
                + "SELECT m.month, a.result_key, SUM(m.co2e_kg) AS co2e_kg, SUM(m.co2_co2e_kg) AS co2_co2e_kg,"
                + " SUM(m.ch4_co2e_kg) AS ch4_co2e_kg, SUM(m.n2o_co2e_kg) AS n2o_co2e_kg,"
                + " SUM(m.unspecified_co2e_kg) AS unspecified_co2e_kg, SUM(" + FootprintDao.SHARE_OF_QUANTITY + ") AS quantity, "
                + COUNT_ONCE + INSIDE + " GROUP BY m.month, a.result_key"
                + " UNION ALL "
                + "SELECT m.month, a.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg,"
                + " SUM(m.co2_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2_co2e_kg,"
                + " SUM(m.ch4_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS ch4_co2e_kg,"
                + " SUM(m.n2o_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS n2o_co2e_kg,"
                + " SUM(m.unspecified_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS unspecified_co2e_kg,"
                + " SUM(" + FootprintDao.SHARE_OF_QUANTITY + " * " + Proration.SHARE_IN_WINDOW + ") AS quantity, " + COUNT_ONCE
                + ACROSS + " GROUP BY m.month, a.result_key"
                + " UNION ALL SELECT m.month, l.result_key," + SUMS_INSIDE + "SUM(" + FootprintDao.LINE_SHARE_OF_QUANTITY
                + ") AS quantity, " + COUNT_ONCE + LINE_INSIDE + " GROUP BY m.month, l.result_key"
                + " UNION ALL SELECT m.month, l.result_key," + SUMS_ACROSS + "SUM(" + FootprintDao.LINE_SHARE_OF_QUANTITY
                + " * " + Proration.SHARE_IN_WINDOW + ") AS quantity, " + COUNT_ONCE + LINE_ACROSS + " GROUP BY m.month, l.result_key"
                + ") g JOIN activity_result_key k ON k.id = g.result_key LEFT JOIN site s ON s.id = k.site_id")
        List<Group> groups(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay,
                @Define("tagFilter") String tagFilter, @Bind("tag") String tag);

        @SqlQuery("SELECT DISTINCT t.tag FROM activity_tag t JOIN activity a ON a.id = t.activity_id"
                + " WHERE a.organization_id = :organizationId AND a.start_day <= :toDay AND a.end_day >= :fromDay ORDER BY t.tag")
        List<String> tags(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay);

        @SqlQuery("SELECT k.scope, SUM(g.co2e_kg) AS co2e_kg FROM ("
                + "SELECT a.result_key, SUM(m.co2e_kg) AS co2e_kg" + INSIDE + " GROUP BY a.result_key"
                + " UNION ALL "
                + "SELECT a.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg" + ACROSS
                + " GROUP BY a.result_key"
                + " UNION ALL SELECT l.result_key, SUM(m.co2e_kg) AS co2e_kg" + LINE_INSIDE + " GROUP BY l.result_key"
                + " UNION ALL SELECT l.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg" + LINE_ACROSS
                + " GROUP BY l.result_key) g JOIN activity_result_key k ON k.id = g.result_key GROUP BY k.scope")
        List<FootprintDao.ScopeTotal> byScope(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay,
                @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter, @Bind("tag") String tag);
    }

    /** Periods whose bounds fall on every kind of day: whole years and months, cut months, one month, across years. */
    private static final List<String[]> PERIODS = List.of(
            new String[] {"2023-01-01", "2023-12-31"}, new String[] {"2024-01-01", "2024-12-31"},
            new String[] {"2025-01-01", "2025-12-31"}, new String[] {"2023-07-01", "2025-06-30"},
            new String[] {"2024-01-15", "2024-03-10"}, new String[] {"2024-12-20", "2025-01-05"},
            new String[] {"2024-02-01", "2024-02-29"}, new String[] {"2024-02-05", "2024-02-20"},
            new String[] {"2024-03-01", "2024-05-15"}, new String[] {"2024-03-16", "2024-05-31"},
            new String[] {"2023-12-31", "2024-01-01"}, new String[] {"2024-06-01", "2024-12-31"},
            new String[] {"2024-11-10", "2025-02-14"}, new String[] {"2024-07-31", "2024-08-01"});

    @BeforeAll
    static void writeVariedData() throws Exception {
        jdbi = TestDatabase.migrated(folder.resolve("equality.db"));
        OrganizationService organizations = TestDatabase.organizations(jdbi, Clock.systemUTC());
        coop = organizations.create(new OrganizationRequest("Coop du Vieux-Port", "624410", "CA-QC", 12.0, null, null)).id();
        other = organizations.create(new OrganizationRequest("Friperie", "453", "CA-QC", 4.0, null, null)).id();
        long toronto = organizations.createSite(coop, new SiteRequest("Usine de Toronto", "CA-ON")).id();
        organizations.createSite(coop, new SiteRequest("Siège", "CA-QC"));

        ActivityFeature feature = TestActivities.wire(jdbi, TestLibraries.shipped());
        ActivityService activities = feature.activities();
        List<Long> ids = new ArrayList<>();
        // Monthly electricity bills from mid-month to mid-month over two years and more, at two sites, some tagged.
        LocalDate start = LocalDate.of(2023, 6, 17);
        for (int i = 0; i < 22; i++) {
            LocalDate from = start.plusMonths(i);
            ids.add(activities.create(coop, new ActivityRequest("electricity", 900.0 + 37 * i, "kWh", from.toString(),
                    from.plusMonths(1).minusDays(1).toString(), null, null, i % 3 == 0 ? "Usine de Toronto" : i % 3 == 1 ? "Siège" : null,
                    i % 2 == 0 ? List.of("hydro", "bureau") : List.of(), i % 5 == 0 ? "estimated" : null, null)).id());
        }
        // Natural gas across the year's end, a year-long bill across two years, fuels, flights on a day.
        ids.add(activities.create(coop, new ActivityRequest("natural_gas", 1_234.5, "m3", "2024-12-10", "2025-01-09", null,
                null, null, List.of("chauffage"), null, null)).id());
        ids.add(activities.create(coop, new ActivityRequest("electricity", 48_000.0, "kWh", "2023-07-01", "2024-06-30", null,
                null, "Siège", List.of("bureau"), "estimated", null)).id());
        ids.add(activities.create(coop, new ActivityRequest("propane", 250.5, "L", "2024-03-01", "2024-03-31", null, null, null,
                List.of("chauffage"), null, null)).id());
        ids.add(activities.create(coop, new ActivityRequest("diesel", 180.0, "L", null, null, "2024-06-15", null, null, null,
                null, null)).id());
        ids.add(activities.create(coop, new ActivityRequest("flight", null, null, null, null, "2024-05-01", null, null,
                List.of("mission"), "measured", Map.of("from", "YUL", "to", "CDG", "roundTrip", true, "passengers", 2))).id());
        ids.add(activities.create(coop, new ActivityRequest("flight", null, null, null, null, "2024-12-31", null, null,
                List.of("mission"), null, Map.of("from", "YUL", "to", "YYZ", "roundTrip", false, "passengers", 1))).id());
        // A batch, and another organization's activities that no figure of the coop may count.
        for (Activity a : activities.createAll(coop, List.of(
                new ActivityRequest("natural_gas", 300.0, "m3", "2024-01-20", "2024-02-19", null, null, toronto, null, null, null),
                new ActivityRequest("electricity", 5_000.0, "kWh", "2024-02-05", "2024-02-20", null, "CA-AB", null,
                        List.of("hydro"), null, null),
                new ActivityRequest("electricity", 700.0, "kWh", "2024-07-31", "2024-08-01", null, null, null, null, null,
                        null)))) {
            ids.add(a.id());
        }
        activities.create(other, new ActivityRequest("electricity", 10_000.0, "kWh", "2024-01-01", "2024-12-31", null, null,
                null, List.of("hydro"), null, null));

        // Edits: quantity, site and tags, a period moved across a year's end; deletions, and a restore.
        activities.update(coop, ids.get(3), new ActivityRequest("electricity", 2_000.0, "kWh", "2023-09-17", "2023-10-16",
                null, null, "Usine de Toronto", List.of("atelier"), null, null));
        activities.update(coop, ids.get(10), new ActivityRequest("electricity", 950.0, "kWh", "2024-12-05", "2025-01-25",
                null, null, null, List.of("hydro", "hiver"), "estimated", null));
        activities.update(coop, ids.get(22), new ActivityRequest("natural_gas", 1_000.0, "m3", "2024-12-01", "2025-01-31",
                null, null, "Siège", List.of(), null, null));
        activities.delete(coop, ids.get(5));
        activities.delete(coop, ids.get(6));
        activities.delete(coop, ids.get(24));
        activities.restore(coop, ids.get(6));

        // An import: rows staged, then published in one transaction.
        String csv = "type,quantity,unit,periodStart,periodEnd,site,tags,dataQuality,region\n"
                + "natural_gas,1000,m3,2024-11-15,2024-12-14,Usine de Toronto,chauffage;usine,estimated,\n"
                + "electricity,31000,kWh,2024-06-01,2024-06-01,,,,CA-AB\n"
                + "electricity,4200,kWh,2023-12-20,2024-01-19,Siège,hydro,,\n"
                + "propane,80,L,2025-01-03,2025-02-27,,chauffage,measured,\n";
        assertThat(feature.imports().importCsv(coop, "factures.csv", csv.getBytes(StandardCharsets.UTF_8)).imported())
                .as("rows imported").isEqualTo(4);

        // A factor update, applied: Québec's electricity is recomputed and rewritten.
        assertThat(TestActivities.wire(jdbi, TestLibraries.quebecElectricityUpdated(folder)).recomputation().recompute(true)
                .changed()).as("activities recomputed").isGreaterThan(10);
        // After the recomputation, more edits and a deletion on the rewritten activities.
        activities.update(coop, ids.get(12), new ActivityRequest("electricity", 1_111.0, "kWh", "2024-06-17", "2024-07-16",
                null, null, null, List.of("bureau"), null, null));
        activities.delete(coop, ids.get(14));
    }

    @Test
    void everyReportFigureIsTheSameFromTheTotalsAsFromEveryShare() {
        jdbi.useHandle(handle -> {
            FootprintDao totals = handle.attach(FootprintDao.class);
            SharesPath shares = handle.attach(SharesPath.class);
            int compared = 0;
            for (long organization : List.of(coop, other)) {
                for (String[] period : PERIODS) {
                    long from = LocalDate.parse(period[0]).toEpochDay();
                    long to = LocalDate.parse(period[1]).toEpochDay();
                    String where = "organization " + organization + " " + period[0] + ".." + period[1];
                    List<String> tags = shares.tags(organization, from, to);
                    assertThat(totals.tags(organization, from, to)).as("tags of " + where).isEqualTo(tags);
                    List<String> filters = new ArrayList<>();
                    filters.add(null);
                    filters.addAll(tags);
                    filters.add("nowhere");
                    for (String tag : filters) {
                        String filter = tag == null ? FootprintDao.NO_TAG : FootprintDao.WITH_TAG;
                        String as = where + (tag == null ? "" : " tag " + tag);
                        assertSame(as, figures(shares.groups(organization, from, to, filter, tag)),
                                figures(totals.groups(organization, from, to, filter, tag)));
                        assertSame(as + " by scope", byScope(shares.byScope(organization, from, to, filter, tag)),
                                byScope(totals.byScope(organization, from, to, filter, tag)));
                        compared++;
                    }
                }
            }
            assertThat(compared).as("reports compared").isGreaterThan(100);
        });
    }

    @Test
    void theRunningTotalsEqualTotalsSummedAfresh() {
        jdbi.useHandle(handle -> {
            Map<String, double[]> running = totals(handle);
            assertThat(running).as("totals kept").isNotEmpty();
            assertThat(handle.createQuery("SELECT COUNT(*) FROM activity_total WHERE activities <= 0").mapTo(Integer.class).one()
                    + handle.createQuery("SELECT COUNT(*) FROM activity_tag_total WHERE activities <= 0").mapTo(Integer.class).one())
                    .as("no total without an activity").isZero();
            handle.begin();
            try {
                RunningTotals rebuilt = handle.attach(RunningTotals.class);
                rebuilt.rebuild(coop);
                rebuilt.rebuild(other);
                assertSame("totals", totals(handle), running);
            } finally {
                handle.rollback();
            }
        });
    }

    /** Every stored total, by its key. */
    private static Map<String, double[]> totals(Handle handle) {
        Map<String, double[]> all = new TreeMap<>();
        for (String table : List.of("activity_total", "activity_tag_total")) {
            String tag = table.equals("activity_total") ? "''" : "tag";
            handle.createQuery("SELECT organization_id, " + tag + " AS tag, month, result_key, co2e_kg, co2_co2e_kg, ch4_co2e_kg,"
                            + " n2o_co2e_kg, unspecified_co2e_kg, quantity, activities, starting FROM " + table)
                    .map((rs, ctx) -> {
                        all.put(table + "|" + rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4),
                                new double[] {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                                        rs.getDouble(10), rs.getLong(11), rs.getLong(12)});
                        return 0;
                    }).list();
        }
        return all;
    }

    /**
     * A report's groups summed by month and by everything a report shows of a key (scope, category, site, type, data
     * quality, factor): the cut months may come as two rows of one key in either path.
     */
    private static Map<String, double[]> figures(List<Group> groups) {
        Map<String, double[]> byKey = new TreeMap<>();
        for (Group g : groups) {
            String key = String.join("|", g.month(), g.line(), Integer.toString(g.scope()), g.category(), String.valueOf(g.siteId()),
                    String.valueOf(g.siteName()), g.type(), g.dataQuality(), g.factorId(), g.factorSet(), g.factorSetVersion(),
                    g.factorUnit(), Double.toString(g.factorCo2ePerUnit()));
            double[] sums = byKey.computeIfAbsent(key, k -> new double[7]);
            double[] values = {g.co2eKg(), g.co2Co2eKg(), g.ch4Co2eKg(), g.n2oCo2eKg(), g.unspecifiedCo2eKg(), g.quantity(),
                    g.activities()};
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
        }
        return byKey;
    }

    private static Map<String, double[]> byScope(List<FootprintDao.ScopeTotal> totals) {
        Map<String, double[]> byScope = new LinkedHashMap<>();
        new TreeSet<>(totals.stream().map(t -> t.scope()).toList()).forEach(s -> byScope.put("scope " + s, new double[1]));
        totals.forEach(t -> byScope.get("scope " + t.scope())[0] += t.co2eKg());
        return byScope;
    }

    private static void assertSame(String as, Map<String, double[]> expected, Map<String, double[]> actual) {
        assertThat(actual.keySet()).as(as + ": keys").isEqualTo(expected.keySet());
        expected.forEach((key, values) -> {
            double[] other = actual.get(key);
            for (int i = 0; i < values.length; i++) {
                double tolerance = Math.max(NEAR_ZERO_KG, RELATIVE * Math.max(Math.abs(values[i]), Math.abs(other[i])));
                assertThat(Math.abs(values[i] - other[i])).as(as + ": " + key + " value " + i + ": " + values[i] + " against "
                        + other[i]).isLessThanOrEqualTo(tolerance);
            }
        });
    }
}
