package org.empreinte.target;

import static org.empreinte.web.TextFields.blankToNull;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.activity.ActivityForm;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** The targets page of an organization, and its two forms: a target (with presets) and an action. */
@Path("/organizations/{orgId}/targets")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TargetPages {

    private final TargetService targets;
    private final ActionPlan plan;
    private final OrganizationService organizations;
    private final ActivityForm fields;

    public TargetPages(TargetService targets, ActionPlan plan, OrganizationService organizations, ActivityForm fields) {
        this.targets = targets;
        this.plan = plan;
        this.organizations = organizations;
        this.fields = fields;
    }

    /** {@code added}: the action just added, whose estimate the page repeats at the top of the plan. */
    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public TargetsPage page(@PathParam("orgId") long orgId, @QueryParam("added") Long added, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return page(orgId, PageContext.of(uri, headers), Form.empty(), Form.empty(), Form.empty(), added);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
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
            return Response.status(422).entity(page(orgId, context, form, Form.empty(), Form.empty(), null)).build();
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createAction(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/targets");
        try {
            Action created = plan.createAction(orgId, new ActionRequest(form.value("title"), form.value("category"),
                    form.number("expectedYearlyReductionCo2eKg", context.language()), null, whole(form, "startYear"),
                    form.value("status")));
            return added(orgId, created);
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, context, Form.empty(), form, Form.empty(), null)).build();
        }
    }

    /**
     * An action whose reduction is estimated from a change of activity: the two activities come in fields named
     * as the API names them, {@code change.from.type}, {@code change.from.quantity}, {@code change.from.fuel}...
     */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("actions/estimate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response estimateAction(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/targets");
        try {
            ActionRequest.Change change = new ActionRequest.Change(side(form, TargetsPage.FROM, context.language()),
                    side(form, TargetsPage.TO, context.language()));
            Action created = plan.createAction(orgId, new ActionRequest(form.value("title"),
                    blankToNull(form.value("category")), null, change, whole(form, "startYear"), form.value("status")));
            return added(orgId, created);
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            fields.placeErrors(form, TargetsPage.FROM);
            fields.placeErrors(form, TargetsPage.TO);
            return Response.status(422).entity(page(orgId, context, Form.empty(), Form.empty(), form, null)).build();
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("actions/{id}/delete")
    public Response deleteAction(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        plan.deleteAction(orgId, id);
        return Response.seeOther(URI.create("/organizations/" + orgId + "/targets#actions")).build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("{id}/delete")
    public Response deleteTarget(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        targets.deleteTarget(orgId, id);
        return Response.seeOther(URI.create("/organizations/" + orgId + "/targets")).build();
    }

    private static Response added(long orgId, Action created) {
        return Response.seeOther(URI.create("/organizations/" + orgId + "/targets?added=" + created.id() + "#action-"
                + created.id())).build();
    }

    /** One activity of the change, from the fields of its type only, as the activity form reads them. */
    private ActionRequest.ActivityChange side(Form form, String prefix, String language) {
        String type = form.value(prefix + "type");
        return new ActionRequest.ActivityChange(type, form.number(prefix + "quantity", language),
                blankToNull(form.value(prefix + "unit")), null, fields.attributes(type, form, prefix, language));
    }

    private TargetsPage page(long orgId, PageContext context, Form targetForm, Form actionForm, Form estimateForm,
            Long added) {
        var organization = organizations.get(orgId);
        List<Target> list = targets.targets(orgId);
        Map<Long, Progress> progress = new LinkedHashMap<>();
        Map<Integer, Integer> months = new LinkedHashMap<>();
        for (Target target : list) {
            Progress p = targets.progress(orgId, target.id());
            progress.put(target.id(), p);
            if (p.latestYear() != null) {
                months.computeIfAbsent(p.latestYear(), year -> targets.monthsWithData(orgId, year));
            }
        }
        return new TargetsPage(context, organization, list, progress, plan.actions(orgId), plan.categories(),
                targetForm, actionForm, estimateForm, fields, added).withMonthsWithData(months);
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
