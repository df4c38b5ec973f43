package org.empreinte.activity;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import org.empreinte.activity.ImportRefusedException.RowError;

/**
 * The rows of one sheet of an XLSX workbook (the first, or the one named), streamed by fastexcel-reader. Cells
 * come as the text the layout reads: a number cell as its exact decimal (and marked as a number, which needs no
 * convention), a cell formatted as a date as YYYY-MM-DD, a formula as its last computed value. Rows keep the
 * numbers the spreadsheet shows, empty rows skipped.
 */
final class XlsxRecords implements ActivityCsv.Records {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    private XlsxRecords(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static XlsxRecords open(InputStream bytes, String sheetName) {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(bytes, new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new MalformedCsvException("the file is not an XLSX workbook: " + e.getMessage(), "error_xlsx_malformed",
                    String.valueOf(e.getMessage()));
        }
        try {
            Sheet sheet = sheetName == null ? workbook.getFirstSheet() : workbook.findSheet(sheetName).orElse(null);
            if (sheet == null) {
                List<String> names = workbook.getSheets().map(Sheet::getName).toList();
                throw new ImportRefusedException("the workbook has no sheet '" + sheetName + "'; its sheets are "
                        + String.join(", ", names), "error_xlsx_sheet", List.of(RowError.of(1, null, "no sheet '" + sheetName
                        + "'; the sheets are " + String.join(", ", names), "error_xlsx_sheet", sheetName,
                        String.join(", ", names))), false, sheetName, String.join(", ", names));
            }
            return new XlsxRecords(workbook, sheet.openStream());
        } catch (IOException | RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof ImportRefusedException refused) {
                throw refused;
            }
            throw new MalformedCsvException("the workbook cannot be read: " + e.getMessage(), "error_xlsx_malformed",
                    String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Record next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        int count = row.getCellCount();
        String[] cells = new String[count];
        boolean[] typed = new boolean[count];
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            cells[i] = "";
            if (cell == null || cell.getValue() == null) {
                continue;
            }
            Object value = cell.getValue();
            if (value instanceof BigDecimal number) {
                if (isDateFormat(cell.getDataFormatString())) {
                    cells[i] = cell.asDate().toLocalDate().toString();
                } else {
                    cells[i] = number.stripTrailingZeros().toPlainString();
                    typed[i] = true;
                }
            } else {
                cells[i] = value.toString();
            }
        }
        return new Record(row.getRowNum(), cells, typed);
    }

    /** Workbooks keep a day as a number of days; only its format ("dd/mm/yyyy", "yyyy-mm-dd") says it is one. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return plain.contains("d") || plain.contains("y");
    }

    @Override
    public DecimalConvention convention() {
        // Numbers typed as text in a workbook are as its author writes them: in French, with a comma.
        return DecimalConvention.commaFirst();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
