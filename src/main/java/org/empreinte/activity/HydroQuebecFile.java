package org.empreinte.activity;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.empreinte.activity.ImportRefusedException.RowError;

/**
 * Hydro-Québec's consumption downloads (hourly, daily, billing periods; see {@code shared/data/README.md}: no
 * official specification exists, the layouts are those the open-source hydroqc client reads), turned into
 * electricity activities for one site, measured. The layout is told by the header. A billing export gives one
 * activity per billing period; hourly and daily exports one per contract and calendar month, from the first to
 * the last day the file has in that month (a month the file covers in part stays a part). The dual-energy rate
 * splits each reading into {@code kWh bas} and {@code kWh Haut}: their sum is what the meter delivered. Rows
 * then go through the activity rules like any other file's ({@link ActivityImport}).
 */
final class HydroQuebecFile implements ActivityCsv.Rows {

    /** The layouts, as the page and the refusals name them. */
    enum Layout { HOURLY, DAILY, BILLING }

    static final String TAG = "hydro-quebec";
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");
    private static final Pattern FRENCH_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}).*");
    /** What the refusal of an unknown header lists: the columns each layout needs. */
    static final String EXPECTED = "Contrat;Date et heure;kWh bas;kWh Haut (hourly) | Contrat;Tarif;Date;kWh bas;kWh Haut"
            + " (daily) | Contract,Rate,Starting date,Ending date,...,kWh (billing periods)";

    private final Iterator<ActivityCsv.Row> rows;
    private final Layout layout;

    private HydroQuebecFile(Layout layout, List<ActivityCsv.Row> rows) {
        this.layout = layout;
        this.rows = rows.iterator();
    }

    Layout layout() {
        return layout;
    }

    /** One reading of the file: its row, its contract, its day(s), its kWh. */
    private record Reading(int row, String contract, LocalDate start, LocalDate end, double kwh) {
    }

    /**
     * Reads the whole file (a year of hours is under 9,000 rows) and groups it: rows with bad cells come first,
     * each with its errors; then one row per billing period or month, numbered by its first row in the file.
     */
    static HydroQuebecFile read(ActivityCsv.Records records, Object site) {
        try (records) {
            ActivityCsv.Records.Record header = records.next();
            while (header != null && blank(header.cells())) {
                header = records.next();
            }
            if (header == null) {
                throw headerRefused(1, "");
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.cells().length; i++) {
                columns.putIfAbsent(normal(header.cells()[i]), i);
            }
            Layout layout = columns.containsKey("date et heure") ? Layout.HOURLY
                    : columns.containsKey("starting date") || columns.containsKey("date de début") ? Layout.BILLING
                    : columns.containsKey("date") ? Layout.DAILY : null;
            boolean dual = columns.containsKey("kwh bas");
            if (layout == null || !dual && !columns.containsKey("kwh")
                    || layout == Layout.BILLING && !columns.containsKey("ending date") && !columns.containsKey("date de fin")) {
                throw headerRefused(header.number(), String.join(";", header.cells()));
            }
            List<ActivityCsv.Row> out = new ArrayList<>();
            List<Reading> readings = new ArrayList<>();
            DecimalConvention numbers = records.convention();
            for (ActivityCsv.Records.Record record = records.next(); record != null; record = records.next()) {
                if (blank(record.cells())) {
                    continue;
                }
                List<RowError> errors = new ArrayList<>();
                String[] cells = record.cells();
                String contract = cell(cells, columns, "contrat", "contract");
                LocalDate start;
                LocalDate end;
                if (layout == Layout.BILLING) {
                    start = day(record.number(), cells, columns, errors, "starting date", "date de début");
                    end = day(record.number(), cells, columns, errors, "ending date", "date de fin");
                } else {
                    start = day(record.number(), cells, columns, errors, layout == Layout.HOURLY ? "date et heure" : "date", null);
                    end = start;
                }
                double kwh = dual
                        ? kwh(record.number(), cells, columns, "kwh bas", numbers, errors)
                                + kwh(record.number(), cells, columns, "kwh haut", numbers, errors)
                        : kwh(record.number(), cells, columns, "kwh", numbers, errors);
                if (errors.isEmpty() && end.isBefore(start)) {
                    errors.add(RowError.of(record.number(), original(header, columns, "ending date", "date de fin"),
                            "the period ends (" + end + ") before it starts (" + start + ")", "error_hq_period",
                            end.toString(), start.toString()));
                }
                if (errors.isEmpty()) {
                    readings.add(new Reading(record.number(), contract, start, end, kwh));
                } else {
                    out.add(new ActivityCsv.Row(record.number(), null, errors));
                }
            }
            if (layout == Layout.BILLING) {
                readings.forEach(r -> out.add(activity(r.row(), r.start(), r.end(), r.kwh(), site)));
            } else {
                Map<String, List<Reading>> months = new TreeMap<>();
                readings.forEach(r -> months.computeIfAbsent(r.contract() + "|" + r.start().toString().substring(0, 7),
                        key -> new ArrayList<>()).add(r));
                months.values().forEach(month -> out.add(activity(month.stream().mapToInt(Reading::row).min().orElseThrow(),
                        month.stream().map(Reading::start).min(LocalDate::compareTo).orElseThrow(),
                        month.stream().map(Reading::end).max(LocalDate::compareTo).orElseThrow(),
                        month.stream().mapToDouble(Reading::kwh).sum(), site)));
            }
            out.sort((a, b) -> Integer.compare(a.number(), b.number()));
            return new HydroQuebecFile(layout, out);
        } catch (IOException e) {
            throw ActivityCsv.unreadable(e, 1);
        }
    }

    private static ActivityCsv.Row activity(int row, LocalDate start, LocalDate end, double kwh, Object site) {
        // Rounded to the Wh: sums of hourly decimals otherwise carry binary noise into the stored quantity.
        double quantity = Math.round(kwh * 1000) / 1000.0;
        return new ActivityCsv.Row(row, new ActivityRequest("electricity", quantity, "kWh", start.toString(), end.toString(),
                null, null, site, List.of(TAG), "measured", null), List.of());
    }

    private static ImportRefusedException headerRefused(int row, String header) {
        return new ImportRefusedException("the header is not one of Hydro-Québec's downloads: nothing was imported",
                "error_hq_header", List.of(RowError.of(row, null, "header '" + header + "' is not one of Hydro-Québec's"
                        + " downloads; expected " + EXPECTED, "error_hq_header_row", header, EXPECTED)), false);
    }

    private static double kwh(int row, String[] cells, Map<String, Integer> columns, String column, DecimalConvention numbers,
            List<RowError> errors) {
        String text = cell(cells, columns, column, null);
        if (text.isEmpty()) {
            return 0; // kWh Haut is empty on days the dual-energy rate did not switch to fuel
        }
        String name = column.equals("kwh") ? "kWh" : column.equals("kwh bas") ? "kWh bas" : "kWh Haut";
        DecimalConvention.Reading reading = numbers.read(row, name, text);
        if (reading.error() != null) {
            errors.add(reading.error());
            return 0;
        }
        if (reading.value() < 0) {
            errors.add(RowError.of(row, name, name + " '" + text + "' is negative; a reading is 0 or more", "error_hq_negative",
                    text));
            return 0;
        }
        return reading.value();
    }

    private static LocalDate day(int row, String[] cells, Map<String, Integer> columns, List<RowError> errors, String column,
            String french) {
        String text = cell(cells, columns, column, french);
        String name = columns.containsKey(column) || french == null ? displayed(column) : displayed(french);
        Matcher iso = ISO_DAY.matcher(text);
        Matcher fr = FRENCH_DAY.matcher(text);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            if (fr.matches()) {
                return LocalDate.of(Integer.parseInt(fr.group(3)), Integer.parseInt(fr.group(2)), Integer.parseInt(fr.group(1)));
            }
        } catch (DateTimeException e) {
            // refused below, as any other text that is not a day
        }
        errors.add(RowError.of(row, name, name + " '" + text + "' is not a day; accepted: YYYY-MM-DD (with or without its time)"
                + " or DD/MM/YYYY", "error_hq_date", text));
        return LocalDate.MIN;
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String column, String other) {
        Integer at = columns.containsKey(column) ? columns.get(column) : other == null ? null : columns.get(other);
        return at == null || at >= cells.length ? "" : cells[at].strip();
    }

    private static String original(ActivityCsv.Records.Record header, Map<String, Integer> columns, String column,
            String other) {
        Integer at = columns.containsKey(column) ? columns.get(column) : columns.get(other);
        return at == null ? column : header.cells()[at].strip();
    }

    private static String displayed(String column) {
        return switch (column) {
            case "date et heure" -> "Date et heure";
            case "date" -> "Date";
            case "starting date" -> "Starting date";
            case "ending date" -> "Ending date";
            case "date de début" -> "Date de début";
            case "date de fin" -> "Date de fin";
            default -> column;
        };
    }

    /** A header cell as compared: trimmed, lower case, a byte-order mark dropped. */
    static String normal(String cell) {
        return cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ActivityCsv.Row next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        // read whole when opened
    }
}
