package org.empreinte.activity;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.activity.kind.Attribute;
import org.empreinte.web.CsvCells;

/**
 * The layout of activities, one for every type: a header naming the columns in any order (in English or
 * French, see {@link ImportVocabulary}), then one activity per row. Empreinte writes it as UTF-8 CSV with
 * commas; it reads CSV with commas or semicolons, UTF-8 or Windows-1252 ({@link CsvRecords}), and XLSX
 * sheets ({@link XlsxRecords}), numbers with either decimal mark ({@link DecimalConvention}).
 * {@code type} is required; the other columns may be left out. Cells map to the fields of
 * {@code POST .../activities}: {@code tags} are separated by {@code ;} inside their cell,
 * {@code site} is a site's name (or id), and the columns after {@code dataQuality}, one per attribute of the kinds, are the activity's
 * {@code attributes}, set only where the cell is not empty. Parsing and quoting are Jackson's.
 */
public final class ActivityCsv {

    /** The columns every file has, before the attributes. */
    public static final List<String> BASE_COLUMNS = List.of("type", "quantity", "unit", "periodStart", "periodEnd", "date",
            "region", "site", "tags", "dataQuality");
    public static final String TAG_SEPARATOR = ";";
    /** The column of kg CO2e an export may add: what a file's activities emitted, read by people, ignored on import. */
    public static final String CO2E_COLUMN = "co2eKg";

    private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,9}");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final CsvMapper MAPPER = new CsvMapper();

    private final List<String> columns;
    /** The columns that are keys of the activity's {@code attributes}, with how their cells read. */
    private final Map<String, Attribute> layout = new LinkedHashMap<>();
    private final ImportVocabulary vocabulary;

    /** The layout of the kinds' attributes: one column per attribute key, after the base columns. */
    public ActivityCsv(List<Attribute> kindAttributes) {
        this(kindAttributes, List.of());
    }

    /** The layout, and the words (English or French) a file may use for the kinds' types and choices. */
    public ActivityCsv(List<Attribute> kindAttributes, List<ActivityKind> kinds) {
        List<String> all = new ArrayList<>(BASE_COLUMNS);
        kindAttributes.forEach(attribute -> {
            layout.put(attribute.key(), attribute);
            all.add(attribute.key());
        });
        this.columns = List.copyOf(all);
        this.vocabulary = new ImportVocabulary(columns, kindAttributes, kinds);
    }

    public static ActivityCsv of(ActivityKinds kinds) {
        return new ActivityCsv(kinds.attributes(), kinds.kinds());
    }

    ImportVocabulary vocabulary() {
        return vocabulary;
    }

    /** Every column, as a header names them. */
    public List<String> columns() {
        return columns;
    }

    /** The columns that are keys of the activity's {@code attributes}. */
    public List<String> attributeColumns() {
        return columns.subList(BASE_COLUMNS.size(), columns.size());
    }

    /**
     * One activity row of a file.
     *
     * @param number the row's number, the header being row 1 (a quoted cell may span lines: rows are records)
     * @param request what the row asks for, as {@code POST .../activities} would receive it
     * @param errors what is wrong with the row's cells as CSV (a number that is not one...), before any rule
     *        of the activity itself is checked
     */
    public record Row(int number, ActivityRequest request, List<RowError> errors) {
    }

    /** Opens a UTF-8 file: reads and checks its header, and refuses it (422) when the header is wrong. */
    public Reader read(InputStream bytes) {
        return read(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Opens a file in that character set (UTF-8 or Windows-1252, decoded strictly), separated by commas or
     * semicolons as its header line is.
     */
    public Reader read(InputStream bytes, Charset charset) {
        return new Reader(CsvRecords.open(bytes, charset));
    }

    /** Opens the rows of a source of another format (a workbook's sheet). */
    Reader read(Records records) {
        return new Reader(records);
    }

    /**
     * The records of a file, whatever its format, one per row as a spreadsheet numbers them; the reader then
     * applies the same rules to all of them.
     */
    interface Records extends Closeable {

        /** One row's cells as text; a cell that held a number (in a workbook) is {@link #typed}. */
        record Record(int number, String[] cells, boolean[] typed) {
        }

        /** The next record, blank or not, or null at the end. */
        Record next() throws IOException;

        /** How the numbers written as text are read before any shows its decimal mark. */
        DecimalConvention convention();

        @Override
        void close() throws IOException;
    }

    /** Activity rows one at a time, whatever read them: this layout's {@link Reader}, a utility's download. */
    interface Rows extends Closeable {

        /** The next row, or null at the end. */
        Row next();

        @Override
        void close();
    }

    /** Starts a file with a last column of kg CO2e (an export to read), which the import ignores. */
    public ActivityCsvWriter writeWithCo2e(OutputStream out) {
        List<String> withCo2e = new ArrayList<>(columns);
        withCo2e.add(CO2E_COLUMN);
        return new ActivityCsvWriter(withCo2e, out);
    }

    /** Starts a file on {@code out}: the header, then {@link ActivityCsvWriter#write} for each activity. */
    public ActivityCsvWriter write(OutputStream out) {
        return new ActivityCsvWriter(columns, out);
    }

    /** Reads the rows of a file one at a time, so a large file is never held whole. */
    public final class Reader implements Rows {

        private final Records records;
        private final DecimalConvention numbers;
        private final List<String> header = new ArrayList<>();
        private int number;

        private Reader(Records records) {
            this.records = records;
            this.numbers = records.convention();
            Records.Record first = nextRecord();
            if (first == null || blank(first.cells())) {
                throw new ImportRefusedException("the file is empty: its first row must be the header, such as "
                        + String.join(",", columns) + "; nothing was imported", "error_csv_empty",
                        List.of(RowError.of(1, null, "the first row must be the header", "error_csv_empty")), false);
            }
            List<RowError> errors = new ArrayList<>();
            String[] names = first.cells();
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip();
                String column = name.isEmpty() ? null : isCo2e(name) ? CO2E_COLUMN : vocabulary.column(name);
                if (name.isEmpty()) {
                    errors.add(RowError.of(first.number(), null, "column " + (i + 1) + " of the header has no name",
                            "error_csv_unnamed_column", i + 1));
                } else if (column == null) {
                    errors.add(RowError.of(first.number(), name, "unknown column '" + name + "'; the columns are "
                            + String.join(",", columns), "error_csv_unknown_column", name, String.join(", ", columns)));
                } else if (header.contains(column)) {
                    errors.add(RowError.of(first.number(), column, "column '" + column + "' appears twice",
                            "error_csv_duplicate_column", column));
                }
                header.add(column == null ? name : column);
            }
            if (!header.contains("type")) {
                errors.add(RowError.of(first.number(), "type", "the header has no 'type' column", "error_csv_no_type"));
            }
            if (!errors.isEmpty()) {
                throw new ImportRefusedException("the header of the file is not the activity layout: nothing was imported",
                        "error_csv_header", errors, false);
            }
        }

        /** The columns of the file, in its order, with their names as documented. */
        public List<String> header() {
            return List.copyOf(header);
        }

        /** The next activity row, skipping blank rows (they still count in the numbering), or null at the end. */
        @Override
        public Row next() {
            Records.Record record;
            do {
                record = nextRecord();
                if (record == null) {
                    return null;
                }
            } while (blank(record.cells()));
            return row(record);
        }

        private Records.Record nextRecord() {
            int row = number + 1;
            try {
                Records.Record record = records.next();
                if (record != null) {
                    number = record.number();
                }
                return record;
            } catch (IOException e) {
                throw unreadable(e, row);
            }
        }

        private Row row(Records.Record rec) {
            int row = rec.number();
            String[] record = rec.cells();
            List<RowError> errors = new ArrayList<>();
            if (record.length > header.size() && !blank(Arrays.copyOfRange(record, header.size(), record.length))
                    || record.length > header.size() && rec.typed() == null) {
                errors.add(RowError.of(row, null, "this row has " + record.length + " cells, the header " + header.size(),
                        "error_csv_cells", record.length, header.size()));
            }
            Map<String, String> cells = new HashMap<>();
            Map<String, Boolean> typed = new HashMap<>();
            for (int i = 0; i < Math.min(record.length, header.size()); i++) {
                String value = CsvCells.fromCell(record[i].strip());
                if (!value.isEmpty()) {
                    cells.put(header.get(i), value);
                    typed.put(header.get(i), rec.typed() != null && rec.typed()[i]);
                }
            }
            Double quantity = null;
            String quantityText = cells.get("quantity");
            if (quantityText != null) {
                if (typed.get("quantity")) {
                    quantity = Double.valueOf(quantityText);
                } else {
                    DecimalConvention.Reading reading = numbers.read(row, "quantity", quantityText);
                    quantity = reading.value();
                    if (reading.error() != null) {
                        errors.add(reading.error());
                    }
                }
            }
            for (String column : List.of("periodStart", "periodEnd", "date")) {
                String value = cells.get(column);
                if (value != null) {
                    cells.put(column, typed.get(column) ? excelDate(value) : isoDate(value));
                }
            }
            // Empty tags are kept ("a;;b"): the activity's own rule refuses them, as it does for POST.
            List<String> tags = cells.containsKey("tags")
                    ? Arrays.stream(cells.get("tags").split(TAG_SEPARATOR, -1)).map(String::strip).toList() : null;
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Attribute attribute : layout.values()) {
                String column = attribute.key();
                String value = cells.get(column);
                if (value == null) {
                    continue;
                }
                switch (attribute.input()) {
                    case FLAG -> {
                        Boolean flag = bool(value);
                        if (flag == null) {
                            errors.add(RowError.of(row, column, column + " must be true or false", "error_csv_boolean"));
                        }
                        attributes.put(column, flag);
                    }
                    case COUNT -> {
                        int count = WHOLE.matcher(value).matches() ? Integer.parseInt(value) : 0;
                        if (count < 1) {
                            errors.add(RowError.of(row, column, column + " must be a whole number of at least 1",
                                    "error_csv_whole"));
                        }
                        attributes.put(column, count);
                    }
                    case DECIMAL -> {
                        if (typed.get(column)) {
                            attributes.put(column, Double.valueOf(value));
                        } else {
                            DecimalConvention.Reading reading = numbers.read(row, column, value);
                            if (reading.error() != null) {
                                errors.add(reading.error());
                            }
                            attributes.put(column, reading.value());
                        }
                    }
                    case CHOICE -> attributes.put(column, vocabulary.choice(column, value));
                    default -> attributes.put(column, value);
                }
            }
            String type = cells.get("type") == null ? null : vocabulary.type(cells.get("type"));
            String quality = cells.get("dataQuality") == null ? null : vocabulary.dataQuality(cells.get("dataQuality"));
            ActivityRequest request = new ActivityRequest(type, quantity, cells.get("unit"),
                    cells.get("periodStart"), cells.get("periodEnd"), cells.get("date"), cells.get("region"), cells.get("site"),
                    tags, quality, attributes.isEmpty() ? null : attributes);
            return new Row(row, request, errors);
        }

        @Override
        public void close() {
            try {
                records.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A day written as a French spreadsheet shows it (JJ/MM/AAAA), as the API's YYYY-MM-DD; other text as it is. */
    static String isoDate(String text) {
        Matcher day = FRENCH_DATE.matcher(text.strip());
        if (day.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(1))).toString();
            } catch (DateTimeException e) {
                return text; // the activity's rule refuses it, naming the column
            }
        }
        return text;
    }

    /** A workbook's day: the number of days since 1899-12-30, as every spreadsheet since Lotus counts them. */
    static String excelDate(String serial) {
        double days = Double.parseDouble(serial);
        return days >= 1 && days < 2_958_466 ? LocalDate.of(1899, 12, 30).plusDays((long) Math.floor(days)).toString() : serial;
    }

    /** A number in full with a point, never an exponent, so that every spreadsheet reads the same value. */
    public static String decimal(double value) {
        return CsvCells.decimal(value);
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "vrai" -> Boolean.TRUE;
            case "false", "faux" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The kg CO2e column of an export, as the CSV ("co2eKg") or a workbook ("kg CO2e") names it. */
    static boolean isCo2e(String header) {
        String plain = ImportVocabulary.normal(header).replace(" ", "");
        return plain.equals("co2ekg") || plain.equals("kgco2e");
    }

    private static boolean blank(String[] record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static RuntimeException unreadable(IOException e, int row) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new MalformedCsvException("the file is not UTF-8 text", "error_csv_encoding", row);
            }
        }
        if (e instanceof JsonProcessingException json) {
            String detail = json.getOriginalMessage();
            long line = json.getLocation() == null ? -1 : json.getLocation().getLineNr();
            return new MalformedCsvException("not readable as CSV at row " + row + (line > 0 ? " (line " + line + ")" : "")
                    + ": " + detail, "error_csv_malformed", row, detail);
        }
        return new UncheckedIOException(e);
    }
}
