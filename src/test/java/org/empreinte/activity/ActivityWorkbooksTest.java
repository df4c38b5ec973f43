package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.web.Messages;

/**
 * The templates, read back as the import reads them: the sheet to fill first, its header in the reader's language
 * and every header a column of the layout, the lists' values words the import understands, and the instructions'
 * example row a valid row of its family once copied into the sheet to fill.
 */
class ActivityWorkbooksTest {

    private static final FactorLibrary LIBRARY = RestatementTest.shipped();
    private static final ActivityKinds KINDS = ActivityKinds.of(LIBRARY);
    private static final ActivityCsv CSV = ActivityCsv.of(KINDS);
    private static final ActivityWorkbooks WORKBOOKS = new ActivityWorkbooks(KINDS, CSV, ActivityWorkbooks.naicsCodes(LIBRARY));

    static List<Arguments> templates() {
        List<Arguments> all = new ArrayList<>();
        for (ActivityWorkbooks.Family family : ActivityWorkbooks.Family.values()) {
            all.add(Arguments.of(family, "fr"));
            all.add(Arguments.of(family, "en"));
        }
        return all;
    }

    private static List<List<String>> rows(Sheet sheet) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet.read()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(row.getCell(i) == null || row.getCell(i).getValue() == null ? "" : row.getCell(i).getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theTemplatesListEveryDataQualityInWordsTheImportReadsBack(ActivityWorkbooks.Family family, String language) {
        Messages messages = Messages.of(language.equals("fr") ? Messages.FRENCH : Messages.ENGLISH);
        List<String> qualities = WORKBOOKS.lists(family, messages).get("dataQuality");
        assertThat(qualities.stream().map(word -> CSV.vocabulary().dataQuality(word)).toList())
                .containsExactlyElementsOf(ActivityPreparation.DATA_QUALITIES);
        assertThat(qualities).contains(language.equals("fr") ? "Extrapolée" : "Extrapolated");
        // A CSV cell may say it in either language, with any case or accents.
        assertThat(CSV.vocabulary().dataQuality("extrapolee")).isEqualTo("extrapolated");
        assertThat(CSV.vocabulary().dataQuality("Extrapolated")).isEqualTo("extrapolated");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aTemplateReadsBackAsItsFamilysRows(ActivityWorkbooks.Family family, String language) throws IOException {
        Messages messages = Messages.of(language.equals("fr") ? Messages.FRENCH : Messages.ENGLISH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WORKBOOKS.template(family, messages, out);

        List<List<String>> data;
        List<List<String>> help;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly(messages.get("template_sheet_data"),
                    messages.get("template_sheet_help"), messages.get("template_sheet_lists"));
            data = rows(sheets.get(0));
            help = rows(sheets.get(1));
        }
        List<String> header = data.get(0);
        assertThat(data).as("only the header: the example is in the instructions").hasSize(1);
        assertThat(header).containsExactlyElementsOf(WORKBOOKS.columns(family).stream()
                .map(column -> WORKBOOKS.header(messages, column)).toList());
        if (language.equals("fr")) {
            assertThat(header).contains("Type d'activité", "Quantité", "Unité", "Début de la période");
        }
        header.forEach(name -> assertThat(CSV.vocabulary().column(name)).as(name).isNotNull());
        Map<String, List<String>> lists = WORKBOOKS.lists(family, messages);
        lists.get("type").forEach(type -> assertThat(KINDS.find(CSV.vocabulary().type(type))).as(type).isPresent());

        // The example: the last two rows of the instructions, a header and a row, copied into a sheet to fill.
        List<String> exampleHeader = help.get(help.size() - 2);
        List<String> example = help.get(help.size() - 1);
        assertThat(exampleHeader).isEqualTo(header);
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(filled, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("x");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            if (c < example.size() && !example.get(c).isEmpty()) {
                sheet.value(1, c, example.get(c));
            }
        }
        workbook.finish();
        try (ActivityCsv.Reader reader = CSV.read(XlsxRecords.open(new ByteArrayInputStream(filled.toByteArray()), null))) {
            ActivityCsv.Row row = reader.next();
            assertThat(row.errors()).isEmpty();
            assertThat(KINDS.find(row.request().type()).orElseThrow().group()).isEqualTo(family.group);
            assertThat(row.request().quantity()).isPositive();
            var kind = KINDS.find(row.request().type()).orElseThrow();
            if (row.request().attributes() != null) {
                // Each choice read back is one of the kind's own: the list gave the import's words.
                row.request().attributes().forEach((key, value) -> assertThat(kind.attributes().stream()
                        .filter(a -> a.key().equals(key)).findFirst().orElseThrow().choices()).as(key).contains(String.valueOf(value)));
            }
        }
    }
}
