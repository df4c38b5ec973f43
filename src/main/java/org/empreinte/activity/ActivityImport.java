package org.empreinte.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ApiException;

/**
 * Imports a file of activities ({@link ActivityCsv}: CSV or an XLSX sheet) all or nothing ({@link ActivityExport}
 * writes the same layout), or only says what it would store ({@link #dryRun}).
 *
 * <p>An import first refuses a file whose bytes (SHA-256) were already imported into the
 * organization (409). It then reads every row and validates and computes it with the activity
 * rules of {@code POST .../activities} ({@link ActivityPreparation}), going on after a bad row so that one answer lists them all, up to
 * {@link #MAX_ERRORS}. If any row is bad nothing is stored (422). Otherwise the rows are staged in short
 * transactions and published, with the import's record, by one transaction (see {@link #store}).
 *
 * <p>Memory: the file is read row by row, but the computed rows of a valid file are held until
 * they are stored (about 1 KB each: 100,000 rows is about 100 MB), since nothing may be stored
 * before the last row is known to be good. Validation stops keeping them at the first bad row.
 */
public final class ActivityImport {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityImport.class);
    /** Validation stops at this many errors and says the list was cut. */
    public static final int MAX_ERRORS = 100;
    /** Rows staged per transaction: about 50 ms of the writer each on the 2-core machine. */
    private static final int STAGE_CHUNK = 2_000;
    private static final int DISCARD_CHUNK = 20_000;
    /** One publication at a time in this process (see {@link #store}); fair, so imports publish in turn. */
    private static final ReentrantLock PUBLISHING = new ReentrantLock(true);

    /**
     * A row validated and computed, ready to be stored: the activity, its tags, its monthly shares (activity id 0),
     * and its row in the file.
     */
    record PreparedRow(ActivityRow stored, List<String> tags, List<MonthShareRow> months, List<LineRow> lines, int row) {
    }

    /** A stored import. */
    public record Result(long importId, int imported, String sha256) {
    }

    /**
     * What a file holds once validated and computed: its rows, and their kg CO2e by type and by year (a bill
     * across two years counts in each by its days, as the footprint counts it).
     */
    public record Summary(int rows, double co2eKg, Map<String, Double> co2eKgByType, Map<Integer, Double> co2eKgByYear,
            int replaced) {

        static Summary of(List<PreparedRow> rows, int replaced) {
            Map<String, Double> byType = new TreeMap<>();
            Map<Integer, Double> byYear = new TreeMap<>();
            double total = 0;
            for (PreparedRow row : rows) {
                // Every line counts, as in the footprint: a gas bill's upstream with its combustion.
                double co2eKg = row.stored().co2eKg() + row.lines().stream().mapToDouble(LineRow::co2eKg).sum();
                byType.merge(row.stored().type(), co2eKg, Double::sum);
                total += co2eKg;
                List<MonthShareRow> months = new ArrayList<>(row.months());
                row.lines().forEach(line -> months.addAll(line.months()));
                for (MonthShareRow month : months) {
                    byYear.merge(Integer.parseInt(month.month().substring(0, 4)), month.co2eKg(), Double::sum);
                }
            }
            return new Summary(rows.size(), total, byType, byYear, replaced);
        }
    }

    /**
     * How a file's bytes are read: CSV (UTF-8 or Windows-1252, comma or semicolon), a workbook's sheet, or a
     * utility's download ({@link HydroQuebecFile}).
     */
    public record Format(boolean workbook, String sheet, Utility utility) {
        public static final Format CSV = new Format(false, null, null);

        public static Format xlsx(String sheet) {
            return new Format(true, sheet == null || sheet.isBlank() ? null : sheet, null);
        }

        public static Format hydroQuebec(Object site, boolean replace) {
            return new Format(false, null, new Utility(site, replace));
        }
    }

    /** A utility's download: the site (id or name) its readings are for; whether they replace periods logged there. */
    public record Utility(Object site, boolean replace) {
    }

    private final Jdbi jdbi;
    private final ActivityPreparation preparation;
    private final ActivityCsv csv;
    private final ImportStaging staging;
    private final ActivityCsvDao csvDao;
    private final OrganizationDao organizationDao;
    private final UtilityPeriods periods;
    private final ActivityService activities;
    private final UnitOfWork units;
    private final Clock clock;

    public ActivityImport(Jdbi jdbi, ActivityPreparation preparation, ActivityCsv csv, ActivityService activities,
            UnitOfWork units, Clock clock) {
        this.jdbi = jdbi;
        this.preparation = preparation;
        this.csv = csv;
        this.staging = jdbi.onDemand(ImportStaging.class);
        this.csvDao = jdbi.onDemand(ActivityCsvDao.class);
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.periods = new UtilityPeriods(jdbi);
        this.activities = activities;
        this.units = units;
        this.clock = clock;
    }

    /** Imports a file received whole (an HTTP upload). */
    public Result importCsv(long organizationId, String fileName, byte[] content) {
        return importFile(organizationId, fileName, content, Format.CSV);
    }

    /** Imports a file received whole, CSV or workbook. */
    public Result importFile(long organizationId, String fileName, byte[] content, Format format) {
        return importCsv(organizationId, fileName, ImportFiles.sha256(new ByteArrayInputStream(content)),
                () -> new ByteArrayInputStream(content), format);
    }

    /**
     * What importing the file would store, validated and computed by the same code, storing nothing: the same
     * refusals (a file already imported included), and the totals the import would add.
     */
    public Summary dryRun(long organizationId, byte[] content, Format format) {
        organizationDao.require(organizationId);
        String sha256 = ImportFiles.sha256(new ByteArrayInputStream(content));
        csvDao.findImport(organizationId, sha256).ifPresent(previous -> {
            throw new DuplicateImportException(previous);
        });
        List<PreparedRow> rows = read(organizationId, () -> new ByteArrayInputStream(content), format);
        return Summary.of(rows, periods.replaced(organizationId, rows, format.utility()).size());
    }

    /** Imports a file on disk, read twice (once for its SHA-256, once row by row) and never held whole. */
    public Result importCsv(long organizationId, Path file) throws IOException {
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = ImportFiles.sha256(in);
        }
        return importCsv(organizationId, file.getFileName().toString(), sha256, () -> Files.newInputStream(file),
                file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? Format.xlsx(null) : Format.CSV);
    }

    interface Source {
        InputStream open() throws IOException;
    }

    private Result importCsv(long organizationId, String fileName, String sha256, Source source, Format format) {
        organizationDao.require(organizationId);
        csvDao.findImport(organizationId, sha256).ifPresent(previous -> {
            throw new DuplicateImportException(previous);
        });
        long start = System.nanoTime();
        List<PreparedRow> rows = read(organizationId, source, format);
        List<Long> replaced = periods.replaced(organizationId, rows, format.utility());
        long validated = System.nanoTime();
        Result result = store(organizationId, fileName, sha256, rows, replaced);
        LOG.info("Import {} into organization {}: {} rows read, validated and computed in {} ms, stored in {} ms",
                result.importId(), organizationId, result.imported(), (validated - start) / 1_000_000,
                (System.nanoTime() - validated) / 1_000_000);
        return result;
    }

    /**
     * Every row of the file validated and computed. A CSV file is read as UTF-8 and, when some of its bytes are
     * not, again as Windows-1252 (what Excel's plain "CSV" is on a French Windows): no other encoding a person
     * saves a spreadsheet in fails as UTF-8, and a wrong guess between the two only ever mistakes accents.
     */
    private List<PreparedRow> read(long organizationId, Source source, Format format) {
        try (InputStream in = source.open()) {
            if (format.workbook()) {
                return validate(organizationId, csv.read(XlsxRecords.open(in, format.sheet())));
            }
            return validate(organizationId, rows(in, StandardCharsets.UTF_8, format));
        } catch (MalformedCsvException e) {
            if (!"error_csv_encoding".equals(e.messageKey())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = source.open()) {
            return validate(organizationId, rows(in, Utf8Text.WINDOWS_1252, format));
        } catch (MalformedCsvException e) {
            if ("error_csv_encoding".equals(e.messageKey())) {
                throw new MalformedCsvException("the file is not text: neither UTF-8 nor Windows-1252 (a spreadsheet saved"
                        + " as CSV is one of them); nothing was imported", "error_csv_not_text");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ActivityCsv.Rows rows(InputStream in, Charset charset, Format format) {
        return format.utility() == null ? csv.read(in, charset)
                : HydroQuebecFile.read(CsvRecords.open(in, charset), format.utility().site());
    }

    /** Every row validated and computed; refuses the file with all its errors (up to {@link #MAX_ERRORS}). */
    private List<PreparedRow> validate(long organizationId, ActivityCsv.Rows opened) {
        OrganizationLookup lookups = new CachedLookups(OrganizationLookup.of(organizationDao));
        List<PreparedRow> prepared = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        boolean truncated = false;
        int rows = 0;
        try (ActivityCsv.Rows reader = opened) {
            reading:
            for (ActivityCsv.Row row = reader.next(); row != null; row = reader.next()) {
                rows++;
                List<RowError> wrong = row.errors();
                if (wrong.isEmpty()) {
                    try {
                        ActivityPreparation.Prepared computed = preparation.prepare(lookups, organizationId, row.request());
                        // Monthly shares carry activity id 0 until the publication knows the ids.
                        PreparedRow ready = new PreparedRow(computed.stored(), computed.tags(), computed.months(0), computed.lines(),
                                row.number());
                        if (errors.isEmpty()) {
                            prepared.add(ready);
                        }
                    } catch (ApiException e) {
                        wrong = List.of(refusal(row, e));
                    }
                }
                for (RowError error : wrong) {
                    if (errors.size() == MAX_ERRORS) {
                        truncated = true;
                        break reading;
                    }
                    errors.add(error);
                    prepared = List.of(); // nothing will be stored: stop holding rows
                }
            }
        }
        if (!errors.isEmpty()) {
            String message = truncated
                    ? "more than " + MAX_ERRORS + " errors; the list stops at the first " + MAX_ERRORS + "; nothing was imported"
                    : errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the file; nothing was imported";
            throw new ImportRefusedException(message, truncated ? "import_truncated" : "import_refused", errors, truncated,
                    errors.size());
        }
        if (rows == 0) {
            throw new ImportRefusedException("the file has no activity rows after its header; nothing was imported",
                    "error_csv_no_rows", List.of(), false);
        }
        return prepared;
    }

    /**
     * Stores a valid file all or nothing without holding SQLite's single writer for the whole file, which made
     * other tenants' writes wait past the busy time-out (a 170,000-row import held it 6 to 13 s). The rows are
     * staged in transactions of {@link #STAGE_CHUNK} (a few tens of ms each: other writes pass in between), then
     * one transaction records the import and copies the staged rows into the tables everything reads, inside
     * SQLite (see {@link ImportStaging#publish}): that copy is the only wait others see. Publications are taken
     * one at a time, so that two large imports do not hold the writer back to back. Until the publication
     * commits, nothing of the import is visible; staged rows are removed afterwards, published or not.
     */
    private Result store(long organizationId, String fileName, String sha256, List<PreparedRow> rows, List<Long> replaced) {
        String now = clock.instant().toString();
        String stagingId = ImportStaging.newId(clock.millis());
        long start = System.nanoTime();
        try {
            for (int from = 0; from < rows.size(); from += STAGE_CHUNK) {
                int first = from;
                int end = Math.min(rows.size(), from + STAGE_CHUNK);
                jdbi.useTransaction(handle -> {
                    staging.stage(stagingId, first, rows.subList(first, end));
                    staging.assignResultKeys(stagingId, first, end);
                });
            }
            long staged = System.nanoTime();
            PUBLISHING.lock();
            try {
                long locked = System.nanoTime();
                Result result = units.write(organizationId, changes -> {
                    // Periods a utility's download logs again: gone in the same transaction as the new rows arrive.
                    replaced.forEach(id -> activities.delete(organizationId, id));
                    long importId = csvDao.insertImport(organizationId, sha256, ImportFiles.clip(fileName), rows.size(), now);
                    int published = staging.publish(stagingId, importId, now);
                    if (published != rows.size()) {
                        throw new IllegalStateException("import " + importId + " published " + published + " activities of "
                                + rows.size());
                    }
                    changes.record("import", importId, AuditTrail.CREATE, null,
                            Map.of("file", fileName == null ? "" : fileName, "sha256", sha256, "activities", rows.size(),
                                    "replaced", replaced));
                    return new Result(importId, rows.size(), sha256);
                });
                LOG.info("Import {}: {} rows staged in {} ms, published in {} ms (after {} ms waiting for another import)",
                        result.importId(), rows.size(), (staged - start) / 1_000_000, (System.nanoTime() - locked) / 1_000_000,
                        (locked - staged) / 1_000_000);
                return result;
            } finally {
                PUBLISHING.unlock();
            }
        } catch (JdbiException e) {
            // Another upload of the same file won the race: the unique index refused this one, which stored nothing.
            Optional<ActivityCsvDao.ImportRecord> previous = csvDao.findImport(organizationId, sha256);
            if (previous.isPresent()) {
                throw new DuplicateImportException(previous.get());
            }
            throw e;
        } finally {
            discard(stagingId, rows.size());
        }
    }

    /** Removes an import's staged rows in short transactions; what a failure leaves, the next start removes. */
    private void discard(String stagingId, int rows) {
        try {
            for (int from = 0; from < rows; from += DISCARD_CHUNK) {
                int first = from;
                jdbi.useTransaction(handle -> staging.discard(stagingId, first, first + DISCARD_CHUNK));
            }
        } catch (JdbiException e) {
            LOG.warn("Staged rows of an import not removed (they will be at the next start): {}", e.toString());
        }
    }

    /**
     * Removes what imports interrupted by a stop left staged, at start-up. Only rows staged over an hour ago:
     * an {@code import} command may be staging into the same database while the server starts.
     */
    public void discardUnpublished() {
        int rows = jdbi.inTransaction(handle -> staging.discardStagedBefore(clock.millis() - Duration.ofHours(1).toMillis()));
        if (rows > 0) {
            LOG.info("Removed {} staged rows of imports interrupted by a stop", rows);
        }
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    /**
     * A row's refusal by the activity's rules, at its column. An unknown type lists the types a file may name, in
     * each language (the French text takes the French labels, the English one the English), since a file
     * written in French names its types in French.
     */
    private RowError refusal(ActivityCsv.Row row, ApiException e) {
        String column = column(csv, e.field(), row.request());
        if ("error_type".equals(e.messageKey()) && "type".equals(e.field()) && csv.vocabulary().acceptedTypes("fr").length() > 0) {
            return RowError.of(row.number(), column, e.getMessage(), "error_import_type", row.request().type().strip(),
                    csv.vocabulary().acceptedTypes("fr"), csv.vocabulary().acceptedTypes("en"));
        }
        return RowError.of(row.number(), column, e.getMessage(), e.messageKey(), e.messageArgs());
    }

    /**
     * The CSV column a refusal of the activity service points at: its field when that is a column
     * ({@code unit}, {@code periodEnd}, {@code site}...), an attribute's own column for
     * {@code attributes.cabin}, else the first attribute column the row fills for {@code attributes}.
     */
    static String column(ActivityCsv csv, String field, ActivityRequest request) {
        if (field == null) {
            return null;
        }
        String name = field.startsWith("attributes.") ? field.substring("attributes.".length()) : field;
        if (csv.columns().contains(name)) {
            return name;
        }
        if (name.equals("attributes") && request.attributes() != null) {
            return csv.attributeColumns().stream().filter(request.attributes()::containsKey).findFirst().orElse(null);
        }
        return name;
    }
}
