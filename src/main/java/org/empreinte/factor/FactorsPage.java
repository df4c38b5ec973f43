package org.empreinte.factor;

import java.util.List;

import org.empreinte.calculation.FactorSet;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** Every factor of the library with its source: the assumptions behind every figure. */
public class FactorsPage extends Page {

    /** A factor: its label and note in the reader's language; its id, set and citation behind "Source". */
    public record Row(String id, String set, String type, String region, int year, String unit, String value,
            String scope, String source, String note, String label, String licence) {
    }

    public record SetRow(int priority, String id, String version, String name, String edition, String published, String gwp,
            List<String> sources, String gwpId) {
    }

    private final List<Row> factors;
    private final List<SetRow> sets;
    private Form search = Form.empty();
    private List<Form.Option> types = List.of();
    private int found;
    private int page = 1;
    private int pages = 1;

    public FactorsPage(PageContext context, List<EmissionFactorResource.FactorView> factors, FactorLibrary library) {
        super("factors.mustache", context);
        String language = messages().language();
        this.factors = factors.stream().map(f -> {
            FactorReference reference = FactorReference.of(library, f.id(), f.factorSet(), f.factorSetVersion(), language);
            return new Row(f.id(), f.factorSet() + " v" + f.factorSetVersion(), messages().labelOr("type_", f.type()),
                    "*".equals(f.region()) ? messages().get("factor_region_any")
                            : org.empreinte.calculation.Regions.name(f.region(), messages().locale()),
                    f.year(), messages().labelOr("unit_", f.unit()), number(f.co2eKgPerUnit(), 6),
                    messages().get("scope_short_" + f.scope()), f.source(), reference.note(), reference.label(), reference.licence());
        }).toList();
        List<FactorSet> selected = library.selector().sets();
        this.sets = library.sets().stream().map(s -> new SetRow(selected.indexOf(s) + 1, s.id(), s.version(), s.name(),
                s.edition(), s.published().toString(), s.gwp().name(),
                s.sources().stream().map(src -> src.citation() + " (" + src.licence() + ")").toList(), s.gwp().id())).toList();
    }

    /** The search that chose these rows: its fields, how many factors matched, and which page of them this is. */
    public FactorsPage withSearch(Form search, java.util.Set<String> allTypes, int found, int page, int pages) {
        this.search = search;
        List<Form.Option> options = new java.util.ArrayList<>();
        options.add(new Form.Option("", messages().get("factors_all_types"), search.value("type") == null));
        allTypes.stream().sorted(java.util.Comparator.comparing((String t) -> messages().labelOr("type_", t)))
                .forEach(t -> options.add(new Form.Option(t, messages().labelOr("type_", t), t.equals(search.value("type")))));
        this.types = options;
        this.found = found;
        this.page = page;
        this.pages = pages;
        return this;
    }

    public Form getSearch() {
        return search;
    }

    public List<Form.Option> getTypes() {
        return types;
    }

    /** "Factors 51 to 100 of 2,236", or that none matched. */
    public String getCount() {
        if (found == 0) {
            return messages().get("factors_none");
        }
        int first = (page - 1) * FactorPages.PAGE_SIZE + 1;
        return messages().format("factors_count", first, first + factors.size() - 1, found);
    }

    public String getPreviousLink() {
        return page > 1 ? link(page - 1) : null;
    }

    public String getNextLink() {
        return page < pages ? link(page + 1) : null;
    }

    private String link(int target) {
        StringBuilder query = new StringBuilder("?");
        for (String field : List.of("q", "type", "region", "year")) {
            String value = search.value(field);
            if (value != null) {
                query.append(field).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return query.append("page=").append(target).append("#factor-table").toString();
    }

    @Override
    public String getTitle() {
        return messages().get("factors_title");
    }

    public List<Row> getFactors() {
        return factors;
    }

    public List<SetRow> getSets() {
        return sets;
    }
}
