package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.activity.kind.ActivityKinds;

/** The CSV layout on its own: what a file's bytes read as, which files are refused and why, and what export writes. */
class ActivityCsvTest {

    /** The layout the kinds Empreinte ships give, with the factor library it ships. */
    private static final ActivityCsv CSV = ActivityCsv.of(ActivityKinds.of(org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"))));

    private static List<ActivityCsv.Row> rows(String text) {
        return rows(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ActivityCsv.Row> rows(byte[] bytes) {
        List<ActivityCsv.Row> rows = new ArrayList<>();
        try (ActivityCsv.Reader reader = CSV.read(new ByteArrayInputStream(bytes))) {
            for (ActivityCsv.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ImportRefusedException refusal(String text) {
        try {
            rows(text);
        } catch (ImportRefusedException e) {
            return e;
        }
        throw new AssertionError("the file was not refused: " + text);
    }

    @Test
    void readsColumnsInAnyOrderAfterAByteOrderMarkWithQuotedCells() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "unit,Type,quantity,periodStart,periodEnd,site,tags,dataQuality,region\r\n"
                + "kWh,electricity,12000.5,2024-12-15,2025-01-14,\"Entrepôt, quai 2\",hydro; siège ,estimated,ca-qc\r\n";
        byte[] bytes = new byte[bom.length + text.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, bytes, 3, bytes.length - 3);

        List<ActivityCsv.Row> rows = rows(bytes);

        assertThat(rows).hasSize(1);
        ActivityCsv.Row row = rows.get(0);
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.errors()).isEmpty();
        // the byte-order mark is not part of the first column's name, and names match whatever their case
        assertThat(row.request()).isEqualTo(new ActivityRequest("electricity", 12000.5, "kWh", "2024-12-15", "2025-01-14",
                null, "ca-qc", "Entrepôt, quai 2", List.of("hydro", "siège"), "estimated", null));
    }

    @Test
    void setsOnlyTheAttributesWhoseCellsAreFilledWithTheirTypes() {
        List<ActivityCsv.Row> rows = rows("type,date,from,to,cabin,roundTrip,passengers,fuel,country,naics,material,disposal\n"
                + "flight,2024-05-01,YUL,CDG,economy,TRUE,2,,,,,\n"
                + "waste,2024-05-01,,,,,,,,,paper,recycling\n"
                + "purchase,2024-05-01,,,,false,,,,541510,,\n");

        assertThat(rows).extracting(ActivityCsv.Row::errors).allMatch(List::isEmpty);
        Map<String, Object> flight = new LinkedHashMap<>();
        flight.put("from", "YUL");
        flight.put("to", "CDG");
        flight.put("cabin", "economy");
        flight.put("roundTrip", true);
        flight.put("passengers", 2);
        assertThat(rows.get(0).request().attributes()).containsExactlyEntriesOf(flight);
        assertThat(rows.get(0).request().quantity()).isNull();
        assertThat(rows.get(1).request().attributes()).isEqualTo(Map.of("material", "paper", "disposal", "recycling"));
        assertThat(rows.get(2).request().attributes()).isEqualTo(Map.of("roundTrip", false, "naics", "541510"));
    }

    @Test
    void numbersRowsAsASpreadsheetDoesCountingBlankRowsAndOneRowForAQuotedLineBreak() {
        List<ActivityCsv.Row> rows = rows("type,quantity,site\n"
                + "electricity,1,\"Siège\nsocial\"\n" // row 2, over two lines
                + "\n" // row 3, blank: skipped
                + " , ,\n" // row 4, blank cells: skipped
                + "propane,2,\n"); // row 5

        assertThat(rows).extracting(ActivityCsv.Row::number).containsExactly(2, 5);
        assertThat(rows.get(0).request().site()).isEqualTo("Siège\nsocial");
        assertThat(rows.get(1).request().type()).isEqualTo("propane");
    }

    @Test
    void refusesAHeaderWithAnUnknownColumnARepeatedOneAnUnnamedOneAndNoType() {
        ImportRefusedException e = refusal("quantity,colour,unit,Unit,\nelectricity,1,kWh,kWh,\n");

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).extracting(RowError::row).containsOnly(1);
        assertThat(e.errors()).extracting(RowError::column).containsExactly("colour", "unit", null, "type");
        assertThat(e.errors().get(0).message()).startsWith("unknown column 'colour'; the columns are type,quantity,unit");
        assertThat(e.errors().get(1).message()).isEqualTo("column 'unit' appears twice");
        assertThat(e.errors().get(2).message()).isEqualTo("column 5 of the header has no name");
        assertThat(e.errors().get(3).message()).isEqualTo("the header has no 'type' column");
    }

    @Test
    void refusesAFileWithoutAHeader() {
        assertThat(refusal("").errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, null));
        assertThat(refusal("\n\n").getMessage()).startsWith("the file is empty");
    }

    @Test
    void readsQuantitiesWithADecimalPointOnly() {
        List<ActivityCsv.Row> rows = rows("type,quantity\n"
                + "electricity,1234.5\n"
                + "electricity,.5\n"
                + "electricity,-3\n" // read; the activity's own rule refuses it later, as POST does
                + "electricity,\"1,5\"\n"
                + "electricity,1 234\n"
                + "electricity,NaN\n"
                + "electricity,12kWh\n");

        assertThat(rows).extracting(row -> row.request().quantity()).containsExactly(1234.5, 0.5, -3.0, null, null, null, null);
        assertThat(rows.subList(0, 3)).allMatch(row -> row.errors().isEmpty());
        for (ActivityCsv.Row row : rows.subList(3, 7)) {
            assertThat(row.errors()).singleElement().satisfies(error -> {
                assertThat(error.row()).isEqualTo(row.number());
                assertThat(error.column()).isEqualTo("quantity");
                assertThat(error.messageKey()).isEqualTo("error_csv_decimal");
            });
        }
    }

    @Test
    void namesTheCellOfABadFlagOrPassengerCountAndARowWithTooManyCells() {
        List<ActivityCsv.Row> rows = rows("type,roundTrip,passengers\n"
                + "flight,yes,2\n"
                + "flight,true,2.5\n"
                + "flight,false,0\n"
                + "flight,false,1,extra\n");

        assertThat(rows.get(0).errors()).extracting(RowError::row, RowError::column, RowError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "roundTrip", "roundTrip must be true or false"));
        assertThat(rows.get(1).errors()).extracting(RowError::column).containsExactly("passengers");
        assertThat(rows.get(2).errors()).extracting(RowError::message)
                .containsExactly("passengers must be a whole number of at least 1");
        assertThat(rows.get(3).errors()).extracting(RowError::row, RowError::column, RowError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, null, "this row has 4 cells, the header 3"));
    }

    @Test
    void refusesTextThatIsNotCsvNamingTheRow() {
        assertThatThrownBy(() -> rows("type,site\nelectricity,\"Siège\npropane,x\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("not readable as CSV at row 2").contains("Missing closing quote");
                });
        assertThatThrownBy(() -> rows("type,site\nelectricity,x\npropane,\"a\"b\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class,
                        e -> assertThat(e.getMessage()).startsWith("not readable as CSV at row 3 (line 3)"));
        byte[] latin1 = "type,site\nelectricity,Entrepôt\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> rows(latin1)).isInstanceOfSatisfying(MalformedCsvException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error_csv_encoding"));
    }

    @Test
    void findsTheLineOfTheFirstBytesThatAreNotUtf8EvenFarIntoTheFile() throws IOException {
        assertThat(Utf8Text.firstLineNotUtf8(new ByteArrayInputStream("a,é\nb\n".getBytes(StandardCharsets.UTF_8)))).isZero();
        assertThat(Utf8Text.firstLineNotUtf8(new ByteArrayInputStream("a\nb\nEntrepôt\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(3);
        // past the first 64 KiB read, and a two-byte é cut across two reads is still valid
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; i < 30_000; i++) {
            big.writeBytes("électricité\n".getBytes(StandardCharsets.UTF_8));
        }
        big.writeBytes("Entrepôt\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Utf8Text.firstLineNotUtf8(new ByteArrayInputStream(big.toByteArray()))).isEqualTo(30_001);
    }

    @Test
    void writesAFileThatReadsBackAsTheSameActivities() {
        Map<String, Object> flight = new LinkedHashMap<>();
        flight.put("from", "YUL");
        flight.put("to", "CDG");
        flight.put("roundTrip", true);
        flight.put("passengers", 3);
        List<ActivityRequest> activities = List.of(
                new ActivityRequest("electricity", 12000.0, "kWh", "2024-12-15", "2025-01-14", null, null, "Entrepôt, \"quai\" 2",
                        List.of("hydro", "siège social"), "measured", null),
                new ActivityRequest("natural_gas", 0.0017, "m3", "2024-01-01", "2024-01-31", null, "CA-ON", null, null,
                        "estimated", null),
                new ActivityRequest("flight", null, null, null, null, "2024-05-01", null, null, null, "measured", flight));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ActivityCsvWriter writer = CSV.write(out)) {
            activities.forEach(writer::write);
        }

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", CSV.columns()) + "\n");
        assertThat(text).contains("\"Entrepôt, \"\"quai\"\" 2\"", "hydro;siège social", ",0.0017,");
        assertThat(rows(out.toByteArray())).extracting(ActivityCsv.Row::request).containsExactlyElementsOf(activities);
    }

    @Test
    void theSampleOfTheUploadPageReadsWithoutErrors() {
        List<ActivityCsv.Row> sample = rows(ActivityImportPage.sample(CSV));

        assertThat(sample).hasSize(3).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        assertThat(sample.get(2).request()).isEqualTo(new ActivityRequest("diesel", 180.0, "L", null, null, "2024-06-15", null,
                null, List.of("génératrice"), "estimated", null));
    }

    @Test
    void writesQuantitiesInFullWithADecimalPoint() {
        assertThat(ActivityCsv.decimal(12_000_000)).isEqualTo("12000000");
        assertThat(ActivityCsv.decimal(1e-7)).isEqualTo("0.0000001");
        assertThat(ActivityCsv.decimal(1234.5)).isEqualTo("1234.5");
        assertThat(ActivityCsv.decimal(0)).isEqualTo("0");
        assertThat(Double.parseDouble(ActivityCsv.decimal(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    }
}
