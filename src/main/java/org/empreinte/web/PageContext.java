package org.empreinte.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every page needs to know about its request: the language (the {@code lang} parameter,
 * else the {@code lang} cookie the switch sets, else {@code Accept-Language}, else French) and
 * the link that shows the same page in the other language.
 */
public record PageContext(Messages messages, String path, String switchUrl, String csrf, String userName, String roles) {

    public static final String LANG = "lang";
    /**
     * Set by the authentication filter on the request (a client's own are removed first): the
     * session's CSRF token, which every form posts back, and the signed-in person's name.
     */
    public static final String CSRF_HEADER = "X-Empreinte-Csrf";
    public static final String USER_HEADER = "X-Empreinte-User";
    /** Set beside it: what the person's navigation offers, "admin" or "coordinator" (blank for neither). */
    public static final String ROLES_HEADER = "X-Empreinte-Roles";

    public static PageContext of(UriInfo uri, HttpHeaders headers) {
        Locale locale = resolve(uri, headers);
        Messages messages = Messages.of(locale);
        String other = "fr".equals(messages.language()) ? "en" : "fr";
        String path = "/" + uri.getPath(false).replaceFirst("^/+", "");
        StringBuilder link = new StringBuilder(path).append('?');
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getKey().equals(LANG)) {
                continue;
            }
            for (String value : entry.getValue()) {
                link.append(encode(entry.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        link.append(LANG).append('=').append(other);
        return new PageContext(messages, path, link.toString(), headers.getHeaderString(CSRF_HEADER),
                headers.getHeaderString(USER_HEADER), headers.getHeaderString(ROLES_HEADER));
    }

    /**
     * Whether the request asks for French itself: {@code ?lang=fr}, or French first among the languages its
     * Accept-Language names. Unlike pages, which default to French, an API answer stays English unless asked.
     */
    public static boolean asksFrench(UriInfo uri, HttpHeaders headers) {
        String explicit = uri.getQueryParameters().getFirst(LANG);
        if (explicit != null) {
            return explicit.equals("fr");
        }
        for (Locale acceptable : headers.getAcceptableLanguages()) {
            if (acceptable.getLanguage().equals("fr")) {
                return true;
            }
            if (acceptable.getLanguage().equals("en")) {
                return false;
            }
        }
        return false;
    }

    static Locale resolve(UriInfo uri, HttpHeaders headers) {
        String explicit = uri.getQueryParameters().getFirst(LANG);
        if (explicit != null && (explicit.equals("fr") || explicit.equals("en"))) {
            return Locale.forLanguageTag(explicit);
        }
        Cookie cookie = headers.getCookies().get(LANG);
        if (cookie != null && (cookie.getValue().equals("fr") || cookie.getValue().equals("en"))) {
            return Locale.forLanguageTag(cookie.getValue());
        }
        for (Locale acceptable : headers.getAcceptableLanguages()) {
            if (acceptable.getLanguage().equals("fr") || acceptable.getLanguage().equals("en")) {
                return acceptable;
            }
        }
        return Messages.FRENCH;
    }

    /**
     * The same context for a page shown at another address: a form refused by a POST is shown again,
     * and its language switch must lead to the form's own page, not to the POST's address.
     */
    public PageContext at(String canonicalPath) {
        String other = "fr".equals(messages.language()) ? "en" : "fr";
        return new PageContext(messages, canonicalPath, canonicalPath + "?" + LANG + "=" + other, csrf, userName, roles);
    }

    public String language() {
        return messages.language();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
