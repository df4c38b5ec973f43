package org.empreinte.factor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.factor.NaicsDirectory.NaicsClass;
import org.empreinte.web.Allow;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;

/**
 * NAICS (SCIAN) codes found by words or digits, for the fields that take one (an organization's sector, a
 * purchase's supplier): {@code GET /api/naics?q=garderie&lang=fr}. Each class says the code a purchase is priced
 * with ({@code purchaseCode}: itself, the nearest coarser code with a spend-based factor, or null).
 */
@Path("/api/naics")
@Produces(MediaType.APPLICATION_JSON)
public class NaicsResource {

    private static final int MAX = 50;
    /** Longer than any title: what follows cannot narrow the search further, only slow it. */
    private static final int MAX_QUERY = 200;

    private final NaicsDirectory naics;
    private final SpendCodes spendCodes;

    public NaicsResource(FactorLibrary library) {
        this.naics = library.naics();
        this.spendCodes = SpendCodes.of(library);
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    public List<Map<String, Object>> search(@QueryParam("q") String query, @QueryParam("limit") Integer limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        String language = PageContext.asksFrench(uri, headers) ? "fr" : "en";
        Messages messages = Messages.of("fr".equals(language) ? Messages.FRENCH : Messages.ENGLISH);
        int count = limit == null || limit < 1 ? 10 : Math.min(limit, MAX);
        String words = query != null && query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        return naics.search(words, language, count).stream().map(c -> describe(c, language, messages)).toList();
    }

    private Map<String, Object> describe(NaicsClass naicsClass, String language, Messages messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", naicsClass.code());
        body.put("level", naicsClass.level());
        body.put("levelName", messages.get("naics_level_" + naicsClass.level()));
        body.put("title", naicsClass.title());
        // StatCan's English title whatever the reader's language: its French titles are not shipped.
        body.put("titleLanguage", "en");
        body.put("words", naicsClass.words(language));
        body.put("purchaseCode", spendCodes.nearest(naicsClass.code()).orElse(null));
        return body;
    }
}
