package org.empreinte.activity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.activity.kind.Attribute;
import org.empreinte.activity.kind.Group;
import org.empreinte.activity.kind.PurchaseKind;
import org.empreinte.web.Messages;

/**
 * XLSX workbooks in the import's layout, written by fastexcel: a template per family of kinds (energy bills,
 * travel, purchases, waste), and the activities exported with their kg CO2e. A template's first sheet is the one
 * to fill (the import reads the first sheet): the header in the reader's language, drop-down lists for types,
 * units, data quality, the kinds' choices and NAICS codes (from a third sheet); an instructions sheet with one
 * example row. Every header and listed value is one the import reads back ({@link ImportVocabulary}); one it would
 * not is written as the layout's own word instead.
 */
public final class ActivityWorkbooks {

    /** The families a template covers: the form's groups. */
    public enum Family {
        ENERGY(Group.ENERGY, "template_energy"), TRAVEL(Group.TRAVEL, "template_travel"),
        PURCHASES(Group.PURCHASES, "template_purchases"), WASTE(Group.WASTE, "template_waste");

        final Group group;
        final String messageKey;

        Family(Group group, String messageKey) {
            this.group = group;
            this.messageKey = messageKey;
        }

        /** The family a URL names ({@code energy}, {@code travel}...), or null. */
        public static Family named(String name) {
            for (Family family : values()) {
                if (family.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return family;
                }
            }
            return null;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kg CO2e column an export adds: the import ignores it. */
    public static final String CO2E_HEADER = "kg CO2e";
    /** Rows of the sheet to fill that get the drop-down lists. */
    private static final int VALIDATED_ROWS = 2_000;
    private static final String HEADER_FILL = "D9E7F5";

    private final ActivityKinds kinds;
    private final ActivityCsv csv;
    private final List<String> naicsCodes;

    /** @param naicsCodes the NAICS codes the library has purchase factors for, sorted */
    public ActivityWorkbooks(ActivityKinds kinds, ActivityCsv csv, List<String> naicsCodes) {
        this.kinds = kinds;
        this.csv = csv;
        this.naicsCodes = List.copyOf(naicsCodes);
    }

    /** The columns of a family's template: the base ones a bill needs, then its kinds' attributes. */
    List<String> columns(Family family) {
        Set<String> columns = new LinkedHashSet<>(List.of("type", "quantity", "unit", "periodStart", "periodEnd", "date",
                "site", "tags", "dataQuality"));
        kinds(family).forEach(kind -> kind.attributes().forEach(attribute -> columns.add(attribute.key())));
        return List.copyOf(columns);
    }

    private List<ActivityKind> kinds(Family family) {
        return kinds.kinds().stream().filter(kind -> kind.group() == family.group).toList();
    }

    /** Writes the template of a family in the reader's language. */
    public void template(Family family, Messages messages, OutputStream out) {
        List<String> columns = columns(family);
        Map<String, List<String>> lists = lists(family, messages);
        try {
            Workbook workbook = new Workbook(out, "Empreinte", "1.0");
            Worksheet data = workbook.newWorksheet(messages.get("template_sheet_data"));
            Worksheet help = workbook.newWorksheet(messages.get("template_sheet_help"));
            Worksheet listSheet = workbook.newWorksheet(messages.get("template_sheet_lists"));
            header(data, columns, messages, false);
            data.freezePane(0, 1);
            int c = 0;
            for (Map.Entry<String, List<String>> list : lists.entrySet()) {
                listSheet.value(0, c, header(messages, list.getKey()));
                listSheet.style(0, c).bold().set();
                for (int r = 0; r < list.getValue().size(); r++) {
                    listSheet.value(r + 1, c, list.getValue().get(r));
                }
                listSheet.width(c, 28);
                int column = columns.indexOf(list.getKey());
                if (column >= 0 && !list.getValue().isEmpty()) {
                    data.range(1, column, VALIDATED_ROWS, column)
                            .validateWithList(listSheet.range(1, c, list.getValue().size(), c))
                            .allowBlank(true).showErrorMessage(true)
                            .errorTitle(header(messages, list.getKey()))
                            .error(messages.get("template_list_error"));
                }
                c++;
            }
            instructions(help, family, columns, lists, messages);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes activities in the full layout, headers in the reader's language, with their kg CO2e last. */
    public void export(ActivityExport exports, ActivityExport.Query query, Messages messages, OutputStream out) {
        List<String> columns = csv.columns();
        try {
            Workbook workbook = new Workbook(out, "Empreinte", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.get("template_sheet_data"));
            header(sheet, columns, messages, true);
            sheet.freezePane(0, 1);
            int[] row = {1};
            exports.each(query, (activity, co2eKg) -> {
                Map<String, Object> cells = cells(activity);
                for (int c = 0; c < columns.size(); c++) {
                    put(sheet, row[0], c, cells.get(columns.get(c)));
                }
                sheet.value(row[0], columns.size(), co2eKg);
                row[0]++;
                if (row[0] % 1_000 == 0) {
                    flush(sheet);
                }
            });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An activity's cells by column, as the import reads them back. */
    static Map<String, Object> cells(ActivityRequest activity) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("type", activity.type());
        cells.put("quantity", activity.quantity());
        cells.put("unit", activity.unit());
        cells.put("periodStart", activity.periodStart());
        cells.put("periodEnd", activity.periodEnd());
        cells.put("date", activity.date());
        cells.put("region", activity.region());
        cells.put("site", activity.site() == null ? null : activity.site().toString());
        cells.put("tags", activity.tags() == null || activity.tags().isEmpty() ? null
                : String.join(ActivityCsv.TAG_SEPARATOR, activity.tags()));
        cells.put("dataQuality", activity.dataQuality());
        if (activity.attributes() != null) {
            activity.attributes().forEach(cells::putIfAbsent);
        }
        return cells;
    }

    private static void put(Worksheet sheet, int row, int column, Object value) {
        if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else if (value != null) {
            sheet.value(row, column, value.toString());
        }
    }

    private void header(Worksheet sheet, List<String> columns, Messages messages, boolean co2e) {
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, header(messages, columns.get(c)));
            sheet.style(0, c).bold().fillColor(HEADER_FILL).set();
            sheet.width(c, columns.get(c).startsWith("period") || columns.get(c).equals("type") ? 20 : 16);
        }
        if (co2e) {
            sheet.value(0, columns.size(), CO2E_HEADER);
            sheet.style(0, columns.size()).bold().fillColor(HEADER_FILL).set();
        }
    }

    /** A column's header in that language: its form label, shortened before any explanation, if it reads back. */
    String header(Messages messages, String column) {
        String label = null;
        Attribute attribute = csv.attributeColumns().contains(column) ? attribute(column) : null;
        if (attribute != null && attribute.labels().containsKey(messages.language())) {
            label = attribute.labels().get(messages.language());
        } else {
            String key = "field_" + (attribute == null ? column : attribute.field());
            label = messages.has(key) ? head(messages.get(key)) : null;
        }
        return label != null && column.equals(csv.vocabulary().column(label)) ? label : column;
    }

    private Attribute attribute(String key) {
        return kinds.attributes().stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
    }

    /** The values each listed column accepts, in that language where the import reads them back. */
    Map<String, List<String>> lists(Family family, Messages messages) {
        ImportVocabulary words = csv.vocabulary();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<ActivityKind> members = kinds(family);
        lists.put("type", members.stream().map(kind -> {
            String label = kind.label(messages);
            return kind.type().equals(words.type(label)) ? label : kind.type();
        }).toList());
        Set<String> units = new LinkedHashSet<>();
        members.forEach(kind -> units.addAll(kinds.unitsFor(kind.type())));
        lists.put("unit", List.copyOf(units));
        lists.put("dataQuality", ActivityPreparation.DATA_QUALITIES.stream().map(quality -> {
            String label = messages.has("quality_" + quality) ? head(messages.get("quality_" + quality)) : quality;
            return quality.equals(words.dataQuality(label)) ? label : quality;
        }).toList());
        Map<String, Set<String>> choices = new LinkedHashMap<>();
        for (ActivityKind kind : members) {
            for (Attribute attribute : kind.attributes()) {
                if (attribute.input() == Attribute.Input.CHOICE) {
                    Set<String> values = choices.computeIfAbsent(attribute.key(), key -> new LinkedHashSet<>());
                    for (String choice : attribute.choices()) {
                        if (choice.isEmpty()) {
                            continue;
                        }
                        String key = attribute.choiceLabels() == null ? null : attribute.choiceLabels() + choice;
                        String label = key != null && messages.has(key) ? messages.get(key) : choice;
                        values.add(choice.equals(words.choice(attribute.key(), label)) ? label : choice);
                    }
                } else if (attribute.input() == Attribute.Input.FLAG) {
                    choices.put(attribute.key(), new LinkedHashSet<>(messages.language().equals("fr")
                            ? List.of("vrai", "faux") : List.of("true", "false")));
                } else if (attribute.key().equals("naics")) {
                    choices.put("naics", new LinkedHashSet<>(naicsCodes));
                }
            }
        }
        choices.forEach((key, values) -> lists.put(key, List.copyOf(values)));
        return lists;
    }

    private void instructions(Worksheet help, Family family, List<String> columns, Map<String, List<String>> lists,
            Messages messages) throws IOException {
        help.width(0, 34);
        help.width(1, 90);
        int r = 0;
        help.value(r, 0, messages.format("template_help_title", messages.get(family.messageKey)));
        help.style(r, 0).bold().set();
        r += 2;
        for (String line : List.of(messages.format("template_help_fill", messages.get("template_sheet_data")),
                messages.format("template_help_lists", messages.get("template_sheet_lists")),
                messages.get("template_help_dates"), messages.get("template_help_numbers"), messages.get("template_help_import"))) {
            help.value(r++, 0, line);
        }
        if (family == Family.ENERGY) {
            help.value(r++, 0, messages.get("template_help_gas"));
        }
        r++;
        help.value(r, 0, messages.get("template_help_columns"));
        help.style(r++, 0).bold().set();
        for (String column : columns) {
            help.value(r, 0, header(messages, column));
            String field = "field_" + (attribute(column) == null ? column : attribute(column).field());
            String what = messages.has(field) ? messages.get(field) : column;
            String required = column.equals("type") ? messages.get("template_required") : messages.get("template_optional");
            String accepted = lists.containsKey(column) && lists.get(column).size() <= 12
                    ? " — " + String.join(", ", lists.get(column)) : "";
            help.value(r++, 1, what + " (" + required + ")" + accepted);
        }
        r++;
        help.value(r, 0, messages.get("template_help_example"));
        help.style(r++, 0).bold().set();
        Map<String, Object> example = example(family, messages, lists);
        for (int c = 0; c < columns.size(); c++) {
            help.value(r, c, header(messages, columns.get(c)));
            help.style(r, c).bold().fillColor(HEADER_FILL).set();
            put(help, r + 1, c, example.get(columns.get(c)));
        }
    }

    /** One filled row of the family, in the listed words: a bill, a car's month, a printer's invoice, a year's compost. */
    private Map<String, Object> example(Family family, Messages messages, Map<String, List<String>> lists) {
        String type = switch (family) {
            case ENERGY -> "electricity";
            case TRAVEL -> "car";
            case PURCHASES -> PurchaseKind.TYPE;
            case WASTE -> "waste";
        };
        Map<String, Object> row = new LinkedHashMap<>();
        ActivityKind kind = kinds.find(type).orElse(null);
        if (kind == null) {
            return row;
        }
        String label = kind.label(messages);
        row.put("type", lists.get("type").contains(label) ? label : type);
        List<String> units = kinds.unitsFor(type);
        switch (family) {
            case ENERGY -> row.putAll(Map.of("quantity", 7400, "unit", "kWh", "periodStart", "2024-01-19",
                    "periodEnd", "2024-02-18", "tags", "hydro-quebec", "dataQuality", lists.get("dataQuality").get(0)));
            case TRAVEL -> row.putAll(Map.of("quantity", 1200, "unit", units.get(0), "periodStart", "2024-03-01",
                    "periodEnd", "2024-03-31"));
            case PURCHASES -> {
                row.putAll(Map.of("quantity", 2500, "unit", "CAD", "date", "2024-05-10"));
                if (!naicsCodes.isEmpty()) {
                    row.put("naics", naicsCodes.contains("323") ? "323" : naicsCodes.get(0));
                }
            }
            case WASTE -> row.putAll(Map.of("quantity", 350, "unit", units.contains("kg") ? "kg" : units.get(0),
                    "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        }
        for (Attribute attribute : kind.attributes()) {
            List<String> values = lists.get(attribute.key());
            if (attribute.input() == Attribute.Input.CHOICE && values != null && !values.isEmpty()
                    && !attribute.choices().contains("")) {
                row.putIfAbsent(attribute.key(), values.get(0));
            }
        }
        return row;
    }

    /** "Mesurée (facture, compteur)" as "Mesurée": what a cell holds, the explanation left to the instructions. */
    static String head(String label) {
        int cut = label.length();
        for (char stop : new char[] {'(', ',', '—'}) {
            int at = label.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String head = label.substring(0, cut).strip();
        return head.isEmpty() ? label : head;
    }

    /** The NAICS codes the kinds' purchase factors have: what the purchases template lists. */
    public static List<String> naicsCodes(org.empreinte.factor.FactorLibrary library) {
        List<String> codes = new ArrayList<>(library.selector().sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> "purchase".equals(f.type()) && f.conditions().containsKey("naics"))
                .map(f -> f.conditions().get("naics")).collect(java.util.stream.Collectors.toSet()));
        codes.sort(null);
        return codes;
    }
}
