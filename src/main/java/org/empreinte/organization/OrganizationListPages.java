package org.empreinte.organization;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/**
 * The home page's list of organizations and the creation of one. An organization's own page shows its
 * footprint and activities too, so it is not here but in the overview package, above those features.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class OrganizationListPages {

    private final OrganizationService organizations;

    public OrganizationListPages(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    public OrganizationsPage home(@QueryParam("after") String after, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Paging paging;
        try {
            paging = Paging.of(null, after, 2);
        } catch (ValidationException e) {
            // A cursor mangled in the address bar: the first organizations rather than an error page.
            paging = Paging.first();
        }
        return new OrganizationsPage(PageContext.of(uri, headers), organizations.page(security.getUserPrincipal(), paging),
                !paging.isFirst(), Form.empty(), uri.getBaseUri().toString());
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("organizations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/");
        try {
            Organization created = organizations.create(new OrganizationRequest(form.value("name"), form.value("sector"),
                    form.value("region"), form.number("employees", context.language()), form.number("annualRevenueCad", context.language()), form.value("legalForm")),
                    security.getUserPrincipal());
            return Response.seeOther(URI.create("/organizations/" + created.id())).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(new OrganizationsPage(context, organizations.page(security.getUserPrincipal(),
                    Paging.first()), false, form, uri.getBaseUri().toString())).build();
        }
    }
}
