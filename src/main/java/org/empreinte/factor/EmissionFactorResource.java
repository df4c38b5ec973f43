package org.empreinte.factor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Regions;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/emission-factors}: the library, filtered by type, region and year. Each factor gives its
 * {@code label} and {@code notes} by language ({@code fr}, {@code en}) beside {@code note}, the English note.
 */
@Path("/api/emission-factors")
@Produces(MediaType.APPLICATION_JSON)
public class EmissionFactorResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FactorView(String id, String factorSet, String factorSetVersion, int priority, String type, String region,
            int year, String unit, double co2eKgPerUnit, Map<String, Double> co2eKgPerUnitByGas,
            Map<String, Double> gasKgPerUnit, String gwpSet, int scope, String category, String source, String note,
            Map<String, String> label, Map<String, String> notes) {
    }

    private final FactorLibrary library;

    public EmissionFactorResource(FactorLibrary library) {
        this.library = library;
    }

    /**
     * @param region keeps the factors that could apply there: the region itself, its country and "*"
     * @param year keeps the factors whose edition is in force that year: for each type, region,
     *     set and unit, the edition the selection rule would choose
     */
    @Allow(Permission.SIGNED_IN)
    @GET
    public List<FactorView> list(@QueryParam("type") String type, @QueryParam("region") String region,
            @QueryParam("year") String year) {
        List<String> regions = region == null || region.isBlank() ? null : FactorSelector.regionChain(region.strip().toUpperCase());
        if (regions != null && !Regions.isKnown(regions.get(0))) {
            throw new ValidationException("region", "region must be an ISO 3166-2 code such as CA-QC, or an ISO 3166-1 country code",
                    "error_region");
        }
        Integer wantedYear = parseYear(year);
        List<FactorSet> selected = library.selector().sets();
        return library.sets().stream()
                .flatMap(set -> set.factors().stream().map(f -> view(set, f, selected.indexOf(set))))
                .filter(f -> type == null || type.isBlank() || f.type().equals(type.strip()))
                .filter(f -> regions == null || regions.contains(f.region()))
                .filter(f -> wantedYear == null || inForce(f, wantedYear))
                .sorted(Comparator.comparing(FactorView::type).thenComparingInt(FactorView::priority)
                        .thenComparing(FactorView::region).thenComparingInt(FactorView::year))
                .toList();
    }

    private boolean inForce(FactorView view, int year) {
        List<EmissionFactor> editions = library.sets().stream()
                .filter(s -> s.id().equals(view.factorSet()))
                .flatMap(s -> s.factors().stream())
                .filter(f -> f.type().equals(view.type()) && f.region().equals(view.region()) && f.unit().symbol().equals(view.unit()))
                .toList();
        Stream<EmissionFactor> notAfter = editions.stream().filter(f -> f.year() <= year);
        int chosen = notAfter.mapToInt(EmissionFactor::year).max()
                .orElse(editions.stream().mapToInt(EmissionFactor::year).min().orElse(view.year()));
        return view.year() == chosen;
    }

    private static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("year", "year must be a whole number such as 2024", "error_year");
        }
    }

    private static FactorView view(FactorSet set, EmissionFactor f, int priority) {
        return new FactorView(f.id(), set.id(), set.version(), priority < 0 ? 0 : priority + 1, f.type(), f.region(), f.year(),
                f.unit().symbol(), f.co2ePerUnit(), f.co2ePerUnitByGas(), f.massPerUnitByGas().isEmpty() ? null : f.massPerUnitByGas(),
                set.gwp().id(), f.scope(), f.category(), f.citation(), f.note(), f.labels().isEmpty() ? null : f.labels(),
                f.notes().isEmpty() ? null : f.notes());
    }
}
