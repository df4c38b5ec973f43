package org.empreinte.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The records of a CSV file, parsed by Jackson. The separator is the header line's: a French Excel saves
 * "CSV (séparateur : point-virgule)", since its comma is the decimal mark; the layout Empreinte writes uses
 * commas. A header line holds no numbers, so whichever of the two it has more of (outside quotes) is the one.
 */
final class CsvRecords implements ActivityCsv.Records {

    private static final CsvMapper MAPPER = new CsvMapper();
    /** Far longer than any header of the layout; a file whose first line is longer is not one. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private final MappingIterator<String[]> records;
    private final DecimalConvention convention;
    private int number;

    private CsvRecords(MappingIterator<String[]> records, char separator) {
        this.records = records;
        this.convention = separator == ';' ? DecimalConvention.commaFirst() : DecimalConvention.pointFirst();
    }

    /** The file's records; its text is decoded strictly, a UTF-8 byte-order mark dropped. */
    static CsvRecords open(InputStream bytes, Charset charset) {
        try {
            BufferedReader text = new BufferedReader(StandardCharsets.UTF_8.equals(charset) ? Utf8Text.reader(bytes)
                    : Utf8Text.reader(bytes, charset), HEADER_LOOKAHEAD + 1);
            char separator = separator(text);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
            return new CsvRecords(MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema)
                    .readValues(text), separator);
        } catch (IOException e) {
            throw ActivityCsv.unreadable(e, 1);
        }
    }

    private static char separator(BufferedReader text) throws IOException {
        text.mark(HEADER_LOOKAHEAD);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0, c = text.read(); c >= 0 && i < HEADER_LOOKAHEAD; i++, c = text.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        text.reset();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public Record next() throws IOException {
        if (!records.hasNextValue()) {
            return null;
        }
        String[] cells = records.nextValue();
        number++;
        return new Record(number, cells, null);
    }

    @Override
    public DecimalConvention convention() {
        return convention;
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
