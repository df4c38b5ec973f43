package org.empreinte.activity;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.empreinte.web.CsvCells;

/** Writes activities in the layout {@link ActivityCsv} reads, header first: what an export streams. */
public final class ActivityCsvWriter implements Closeable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final List<String> columns;
    private final Writer text;
    private final SequenceWriter rows;

    ActivityCsvWriter(List<String> columns, OutputStream out) {
        this.columns = columns;
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
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
        write(activity, null);
    }

    /** One activity and, in a file started with a kg CO2e column, its kg CO2e. */
    public void write(ActivityRequest activity, Double co2eKg) {
        Map<String, Object> attributes = activity.attributes() == null ? Map.of() : activity.attributes();
        String[] cells = new String[columns.size()];
        cells[0] = activity.type();
        cells[1] = activity.quantity() == null ? null : CsvCells.decimal(activity.quantity());
        cells[2] = activity.unit();
        cells[3] = activity.periodStart();
        cells[4] = activity.periodEnd();
        cells[5] = activity.date();
        cells[6] = activity.region();
        cells[7] = activity.site() == null ? null : activity.site().toString();
        cells[8] = activity.tags() == null || activity.tags().isEmpty() ? null : String.join(ActivityCsv.TAG_SEPARATOR, activity.tags());
        cells[9] = activity.dataQuality();
        for (int i = ActivityCsv.BASE_COLUMNS.size(); i < columns.size(); i++) {
            if (columns.get(i).equals(ActivityCsv.CO2E_COLUMN)) {
                cells[i] = co2eKg == null ? null : CsvCells.decimal(co2eKg);
                continue;
            }
            Object value = attributes.get(columns.get(i));
            cells[i] = value instanceof Double || value instanceof Float ? CsvCells.decimal(((Number) value).doubleValue())
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
