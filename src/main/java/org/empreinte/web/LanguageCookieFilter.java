package org.empreinte.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.NewCookie;

/** Remembers the language chosen with the switch ({@code ?lang=en}) for the pages that follow. */
public class LanguageCookieFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String lang = request.getUriInfo().getQueryParameters().getFirst(PageContext.LANG);
        if ("fr".equals(lang) || "en".equals(lang)) {
            NewCookie cookie = new NewCookie.Builder(PageContext.LANG).value(lang).path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
            response.getHeaders().add("Set-Cookie", cookie);
        }
    }
}
