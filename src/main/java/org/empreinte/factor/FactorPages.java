package org.empreinte.factor;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * The factor library as a page: searched and paged on the server ({@code q}, {@code type}, {@code region},
 * {@code year}, {@code page}), {@link #PAGE_SIZE} rows at a time, so that its 2,000-odd factors are not one
 * megabyte of HTML and the search form works without JavaScript.
 */
@Path("/emission-factors")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FactorPages {

    static final int PAGE_SIZE = 50;

    private final FactorLibrary library;
    private final EmissionFactorResource api;

    public FactorPages(FactorLibrary library, EmissionFactorResource api) {
        this.library = library;
        this.api = api;
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    public FactorsPage list(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("region") String region,
            @QueryParam("year") String year, @QueryParam("page") String page, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers);
        Form form = Form.empty().withValue("q", TextFields.blankToNull(q)).withValue("type", TextFields.blankToNull(type))
                .withValue("region", TextFields.blankToNull(region)).withValue("year", TextFields.blankToNull(year));
        List<EmissionFactorResource.FactorView> found;
        try {
            found = api.list(form.value("type"), form.value("region"), form.value("year"));
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            found = List.of();
        }
        List<String> words = words(form.value("q"));
        List<EmissionFactorResource.FactorView> matching = words.isEmpty() ? found : found.stream()
                .filter(f -> matches(f, words, context.messages().labelOr("type_", f.type()),
                        f.label() == null ? "" : f.label().getOrDefault(context.messages().language(), ""))).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(pages, Math.max(1, pageNumber(page)));
        int from = (shown - 1) * PAGE_SIZE;
        return new FactorsPage(context, matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE)), library)
                .withSearch(form, library.selector().types(), matching.size(), shown, pages);
    }

    private static int pageNumber(String page) {
        return page != null && page.strip().matches("\\d{1,6}") ? Integer.parseInt(page.strip()) : 1;
    }

    /** Every word must appear in the factor's id, label, type (code or label), region, set, source or notes; accents aside. */
    private static boolean matches(EmissionFactorResource.FactorView f, List<String> words, String typeLabel, String label) {
        String text = fold(String.join(" ", f.id(), label, f.type(), typeLabel, f.region(), f.factorSet(), f.unit(),
                f.source() == null ? "" : f.source(), f.notes() == null ? "" : String.join(" ", f.notes().values())));
        return words.stream().allMatch(text::contains);
    }

    private static List<String> words(String q) {
        return q == null ? List.of() : List.of(fold(q).split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
