package org.empreinte.factor;

import java.util.List;

import org.empreinte.calculation.FactorSet;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** Every factor of the library with its source: the assumptions behind every figure. */
public class FactorsPage extends Page {

    public record Row(String id, String set, String type, String region, int year, String unit, String value,
            String scope, String source, String note) {
    }

    public record SetRow(int priority, String id, String version, String name, String edition, String published, String gwp,
            List<String> sources) {
    }

    private final List<Row> factors;
    private final List<SetRow> sets;

    public FactorsPage(PageContext context, List<EmissionFactorResource.FactorView> factors, FactorLibrary library) {
        super("factors.mustache", context);
        this.factors = factors.stream().map(f -> new Row(f.id(), f.factorSet() + " v" + f.factorSetVersion(),
                messages().labelOr("type_", f.type()), f.region(), f.year(), f.unit(), number(f.co2eKgPerUnit(), 6),
                messages().get("scope_short_" + f.scope()), f.source(), f.note())).toList();
        List<FactorSet> selected = library.selector().sets();
        this.sets = library.sets().stream().map(s -> new SetRow(selected.indexOf(s) + 1, s.id(), s.version(), s.name(),
                s.edition(), s.published().toString(), s.gwp().name(),
                s.sources().stream().map(src -> src.citation() + " (" + src.licence() + ")").toList())).toList();
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
