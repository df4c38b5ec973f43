package org.empreinte.activity;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.web.CsvCells;

/**
 * The CSV layout of activities, one for every type: UTF-8 (with or without a byte-order mark),
 * comma-separated, a header naming the columns in any order, then one activity per row.
 * {@code type} is required; the other columns may be left out. Cells map to the fields of
 * {@code POST .../activities}: {@code tags} are separated by {@code ;} inside their cell,
 * {@code site} is a site's name (or id), and the columns from {@code from} on are the activity's
 * {@code attributes}, set only where the cell is not empty. Parsing and quoting are Jackson's.
 */
public final class ActivityCsv {

    public static final List<String> COLUMNS = List.of("type", "quantity", "unit", "periodStart", "periodEnd", "date",
            "region", "site", "tags", "dataQuality", "from", "to", "cabin", "roundTrip", "passengers", "fuel", "country",
            "naics", "material", "disposal", "kind", "mode", "employees", "days", "heating");
    /** The columns that are keys of the activity's {@code attributes}. */
    public static final List<String> ATTRIBUTE_COLUMNS = COLUMNS.subList(COLUMNS.indexOf("from"), COLUMNS.size());
    public static final String TAG_SEPARATOR = ";";

    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();
    private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,9}");
    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        COLUMNS.forEach(column -> BY_LOWER_CASE.put(column.toLowerCase(Locale.ROOT), column));
    }

    private ActivityCsv() {
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

    /** Opens a file: reads and checks its header, and refuses it (422) when the header is wrong. */
    public static Reader read(InputStream bytes) {
        return new Reader(bytes);
    }

    /** Starts a file on {@code out}: the header, then {@link CsvWriter#write} for each activity. */
    public static CsvWriter write(OutputStream out) {
        return new CsvWriter(out);
    }

    /** Reads the rows of a file one at a time, so a large file is never held whole. */
    public static final class Reader implements Closeable {

        private final MappingIterator<String[]> records;
        private final List<String> header = new ArrayList<>();
        private int number;

        private Reader(InputStream bytes) {
            try {
                this.records = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                        .readValues(utf8(bytes));
            } catch (IOException e) {
                throw unreadable(e, 1);
            }
            String[] first = nextRecord();
            if (first == null || blank(first)) {
                throw new ImportRefusedException("the file is empty: its first row must be the header, such as "
                        + String.join(",", COLUMNS) + "; nothing was imported", "error_csv_empty",
                        List.of(RowError.of(1, null, "the first row must be the header", "error_csv_empty")), false);
            }
            List<RowError> errors = new ArrayList<>();
            for (int i = 0; i < first.length; i++) {
                String name = first[i].strip();
                String column = BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
                if (name.isEmpty()) {
                    errors.add(RowError.of(1, null, "column " + (i + 1) + " of the header has no name",
                            "error_csv_unnamed_column", i + 1));
                } else if (column == null) {
                    errors.add(RowError.of(1, name, "unknown column '" + name + "'; the columns are "
                            + String.join(",", COLUMNS), "error_csv_unknown_column", name, String.join(", ", COLUMNS)));
                } else if (header.contains(column)) {
                    errors.add(RowError.of(1, column, "column '" + column + "' appears twice", "error_csv_duplicate_column",
                            column));
                }
                header.add(column == null ? name : column);
            }
            if (!header.contains("type")) {
                errors.add(RowError.of(1, "type", "the header has no 'type' column", "error_csv_no_type"));
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
        public Row next() {
            String[] record;
            do {
                record = nextRecord();
                if (record == null) {
                    return null;
                }
            } while (blank(record));
            return row(number, record);
        }

        private String[] nextRecord() {
            int row = number + 1;
            try {
                if (!records.hasNextValue()) {
                    return null;
                }
                String[] record = records.nextValue();
                number = row;
                return record;
            } catch (IOException e) {
                throw unreadable(e, row);
            }
        }

        private Row row(int row, String[] record) {
            List<RowError> errors = new ArrayList<>();
            if (record.length > header.size()) {
                errors.add(RowError.of(row, null, "this row has " + record.length + " cells, the header " + header.size(),
                        "error_csv_cells", record.length, header.size()));
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < Math.min(record.length, header.size()); i++) {
                String value = CsvCells.fromCell(record[i].strip());
                if (!value.isEmpty()) {
                    cells.put(header.get(i), value);
                }
            }
            Double quantity = null;
            String quantityText = cells.get("quantity");
            if (quantityText != null) {
                if (CsvCells.DECIMAL.matcher(quantityText).matches()) {
                    quantity = Double.valueOf(quantityText);
                } else {
                    errors.add(RowError.of(row, "quantity", "quantity must be a number written with a decimal point,"
                            + " such as 1234.5 (no spaces, no thousands separator)", "error_csv_decimal"));
                }
            }
            // Empty tags are kept ("a;;b"): the activity's own rule refuses them, as it does for POST.
            List<String> tags = cells.containsKey("tags")
                    ? Arrays.stream(cells.get("tags").split(TAG_SEPARATOR, -1)).map(String::strip).toList() : null;
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String column : ATTRIBUTE_COLUMNS) {
                String value = cells.get(column);
                if (value == null) {
                    continue;
                }
                switch (column) {
                    case "roundTrip" -> {
                        Boolean flag = bool(value);
                        if (flag == null) {
                            errors.add(RowError.of(row, column, "roundTrip must be true or false", "error_csv_boolean"));
                        }
                        attributes.put(column, flag);
                    }
                    case "passengers" -> {
                        int count = WHOLE.matcher(value).matches() ? Integer.parseInt(value) : 0;
                        if (count < 1) {
                            errors.add(RowError.of(row, column, "passengers must be a whole number of at least 1",
                                    "error_csv_whole"));
                        }
                        attributes.put(column, count);
                    }
                    default -> attributes.put(column, value);
                }
            }
            ActivityRequest request = new ActivityRequest(cells.get("type"), quantity, cells.get("unit"),
                    cells.get("periodStart"), cells.get("periodEnd"), cells.get("date"), cells.get("region"), cells.get("site"),
                    tags, cells.get("dataQuality"), attributes.isEmpty() ? null : attributes);
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

    /** Writes activities in the layout {@link Reader} reads, header first. */
    public static final class CsvWriter implements Closeable {

        private final Writer text;
        private final SequenceWriter rows;

        private CsvWriter(OutputStream out) {
            CsvSchema.Builder schema = CsvSchema.builder();
            COLUMNS.forEach(schema::addColumn);
            this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                // Quote only the cells that need it (a comma, a quote, a line break), not every one with a space.
                this.rows = MAPPER.writer(schema.build().withHeader()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                        .writeValues(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * One activity. A quantity is written in full with a decimal point (12000, 0.0017), never in
         * exponent form; attributes of other keys than the attribute columns are not written.
         */
        public void write(ActivityRequest activity) {
            Map<String, Object> attributes = activity.attributes() == null ? Map.of() : activity.attributes();
            String[] cells = new String[COLUMNS.size()];
            cells[0] = activity.type();
            cells[1] = activity.quantity() == null ? null : decimal(activity.quantity());
            cells[2] = activity.unit();
            cells[3] = activity.periodStart();
            cells[4] = activity.periodEnd();
            cells[5] = activity.date();
            cells[6] = activity.region();
            cells[7] = activity.site() == null ? null : activity.site().toString();
            cells[8] = activity.tags() == null || activity.tags().isEmpty() ? null : String.join(TAG_SEPARATOR, activity.tags());
            cells[9] = activity.dataQuality();
            for (int i = COLUMNS.indexOf("from"); i < COLUMNS.size(); i++) {
                Object value = attributes.get(COLUMNS.get(i));
                cells[i] = value instanceof Double || value instanceof Float ? decimal(((Number) value).doubleValue())
                        : value == null ? null : value.toString();
            }
            for (int i = 0; i < cells.length; i++) {
                // Jackson leaves a null array element out of the row, shifting the next cells
                cells[i] = cells[i] == null ? "" : CsvCells.toCell(cells[i]);
            }
            try {
                rows.write(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void flush() {
            try {
                rows.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                rows.close();
                text.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    private static boolean blank(String[] record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 text, a leading byte-order mark dropped; bytes that are not UTF-8 stop the reading instead of becoming '?'. */
    private static java.io.Reader utf8(InputStream bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /**
     * The line (from 1) holding the first bytes that are not UTF-8, or 0 when all are. The reader decodes
     * ahead of the rows it parses, so this second pass is what can say where.
     */
    public static long firstLineNotUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length);
        long line = 1;
        while (true) {
            int read = in.read(chunk);
            boolean end = read < 0;
            if (!end) {
                bytes.put(chunk, 0, read);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                int from = bytes.position();
                result = decoder.decode(bytes, chars, end);
                // A newline byte is never part of a longer UTF-8 sequence: counting bytes counts lines.
                for (int i = from; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
            } while (result.isOverflow());
            if (end) {
                return 0;
            }
            bytes.compact();
        }
    }

    private static RuntimeException unreadable(IOException e, int row) {
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
