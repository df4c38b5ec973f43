package org.empreinte.target;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;

/** The targets page of an organization, and its two forms: a target (with presets) and an action. */
@Path("/organizations/{orgId}/targets")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TargetPages {

    private final TargetService targets;
    private final OrganizationService organizations;

    public TargetPages(TargetService targets, OrganizationService organizations) {
        this.targets = targets;
        this.organizations = organizations;
    }

    @GET
    public TargetsPage page(@PathParam("orgId") long orgId, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(orgId, PageContext.of(uri, headers), Form.empty(), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTarget(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/targets");
        try {
            List<Object> scopes = new ArrayList<>();
            for (String scope : List.of("1", "2", "3")) {
                if (form.value("scope" + scope) != null) {
                    scopes.add(scope);
                }
            }
            targets.createTarget(orgId, new TargetRequest(null, whole(form, "baseYear"), whole(form, "targetYear"),
                    form.number("reductionPercent", context.language()), scopes, form.value("kind"), form.value("metric"),
                    form.value("preset")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/targets")).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, context, form, Form.empty())).build();
        }
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createAction(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/targets");
        try {
            targets.createAction(orgId, new ActionRequest(form.value("title"), form.value("category"),
                    form.number("expectedYearlyReductionCo2eKg", context.language()), null, whole(form, "startYear"),
                    form.value("status")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/targets#actions")).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, context, Form.empty(), form)).build();
        }
    }

    private TargetsPage page(long orgId, PageContext context, Form targetForm, Form actionForm) {
        var organization = organizations.get(orgId);
        List<Target> list = targets.targets(orgId);
        Map<Long, Progress> progress = new LinkedHashMap<>();
        for (Target target : list) {
            progress.put(target.id(), targets.progress(orgId, target.id()));
        }
        return new TargetsPage(context, organization, list, progress, targets.actions(orgId), targets.categories(),
                targetForm, actionForm);
    }

    private static Integer whole(Form form, String field) {
        String text = form.value(field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.replaceAll("[\\s\\u00a0\\u202f]", ""));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, field + " must be a year", "error_year");
        }
    }
}
