package org.empreinte.auth;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.ApiException;
import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/**
 * An organization's "Équipe" page, for its editors: its people and their roles, the invitations waiting, and a
 * form to invite someone by address. An invitation's one-time link is shown once, in the answer to the form
 * (and e-mailed when mail is on); the page lists invitations without their links, which only hashes remain of.
 */
@Path("/organizations/{orgId}/team")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TeamPages {

    private static final List<String> ROLES = List.of(AccountService.EDITOR, AccountService.VIEWER);

    private final TeamService team;
    private final InvitationService invitations;
    private final OrganizationService organizations;

    public TeamPages(TeamService team, InvitationService invitations, OrganizationService organizations) {
        this.team = team;
        this.invitations = invitations;
        this.organizations = organizations;
    }

    public record MemberLine(long userId, String name, String email, String roleLabel, List<Form.Option> roles, boolean self) {
    }

    public record InvitationLine(long id, String who, String roleLabel, String expires) {
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    public TeamPage page(@PathParam("orgId") long orgId, @QueryParam("done") String done, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        PageContext context = PageContext.of(uri, headers);
        String notice = done != null && List.of("cancelled", "changed", "removed").contains(done)
                ? context.messages().get("team_notice_" + done) : null;
        return page(context, orgId, security, inviteForm(), notice, null, null);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        PageContext context = PageContext.of(uri, headers).at(base(orgId));
        Form form = Form.of(params);
        try {
            String email = form.value("email");
            if (email == null || email.isBlank()) {
                throw new ValidationException("email", "email is required: the address of the person to invite", "error_required");
            }
            InvitationService.Invitee invitee = InvitationService.invitee(new AccountService.MemberRequest(null, email,
                    form.value("role")));
            String secret = invitations.invite(orgId, (User) security.getUserPrincipal(), invitee);
            String link = uri.getBaseUri().toString().replaceAll("/+$", "") + "/invitations/" + secret;
            String sent = mail(orgId, invitee, secret, context.messages());
            Map<String, Object> shown = new HashMap<>(Map.of("link", link));
            if (sent != null) {
                shown.put("mail", sent);
            }
            // The link is in this answer only, not behind a redirect: nothing but this page ever shows it.
            return Response.ok(page(context, orgId, security, inviteForm(), null, null, shown)).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(e.status()).entity(page(context, orgId, security, form.withValue("role",
                    form.value("role") == null ? AccountService.VIEWER : form.value("role")), null, null, null)).build();
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("invitations/{invitationId}/cancel")
    public Response cancel(@PathParam("orgId") long orgId, @PathParam("invitationId") long invitationId) {
        invitations.cancel(orgId, invitationId);
        return Response.seeOther(URI.create(base(orgId) + "?done=cancelled")).build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("members/{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("orgId") long orgId, @PathParam("userId") long userId,
            MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        try {
            team.changeRole(orgId, userId, Form.of(params).value("role"), MemberResource.administrator(security));
            return Response.seeOther(URI.create(base(orgId) + "?done=changed")).build();
        } catch (ValidationException | org.empreinte.web.ConflictException e) {
            return refused(orgId, e, uri, headers, security);
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("members/{userId}/remove")
    public Response remove(@PathParam("orgId") long orgId, @PathParam("userId") long userId, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        try {
            team.removeMember(orgId, userId, MemberResource.administrator(security));
        } catch (org.empreinte.web.ConflictException e) {
            return refused(orgId, e, uri, headers, security);
        }
        boolean self = security.getUserPrincipal() instanceof User user && user.id() == userId && !user.admin();
        // Who has just left the team may no longer see its page.
        return Response.seeOther(URI.create(self ? "/" : base(orgId) + "?done=removed")).build();
    }

    private Response refused(long orgId, ApiException e, UriInfo uri, HttpHeaders headers, SecurityContext security) {
        PageContext context = PageContext.of(uri, headers).at(base(orgId));
        String error = e.messageKey() == null ? e.getMessage() : context.messages().format(e.messageKey(), e.messageArgs());
        return Response.status(e.status()).entity(page(context, orgId, security, inviteForm(), null, error, null)).build();
    }

    private static String base(long orgId) {
        return "/organizations/" + orgId + "/team";
    }

    private static Form inviteForm() {
        return Form.of(Map.of("role", AccountService.VIEWER));
    }

    private String mail(long orgId, InvitationService.Invitee invitee, String secret, Messages messages) {
        return switch (invitations.mail(orgId, invitee, secret)) {
            case OFF -> null;
            case SENT -> messages.format("team_mail_sent", invitee.email());
            case FAILED -> messages.format("team_mail_failed", invitee.email());
        };
    }

    private TeamPage page(PageContext context, long orgId, SecurityContext security, Form form, String notice, String error,
            Map<String, Object> newLink) {
        Messages messages = context.messages();
        Organization organization = organizations.get(orgId);
        long me = security.getUserPrincipal() instanceof User user ? user.id() : -1;
        List<MemberLine> members = team.members(orgId).stream().map(m -> new MemberLine(m.userId(), m.name(), m.email(),
                messages.get("role_" + m.role()), Form.of(Map.of("role", m.role())).options("role", ROLES,
                        r -> messages.get("role_" + r)), m.userId() == me)).toList();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale());
        List<InvitationLine> pending = invitations.pending(orgId).stream().map(i -> new InvitationLine(i.id(),
                i.email() != null ? i.email() : messages.format("team_invited_account", Long.toString(i.userId())),
                messages.get("role_" + i.role()), LocalDate.parse(i.expiresAt().substring(0, 10)).format(date))).toList();
        Map<String, Object> m = new HashMap<>();
        m.put("organization", organization);
        m.put("members", members);
        m.put("invitations", pending);
        m.put("hasInvitations", !pending.isEmpty());
        m.put("form", form);
        m.put("roles", form.options("role", ROLES, r -> messages.get("role_" + r)));
        m.put("validDays", InvitationService.VALID.toDays());
        if (notice != null) {
            m.put("notice", notice);
        }
        if (error != null) {
            m.put("error", error);
        }
        if (newLink != null) {
            m.put("newLink", newLink);
        }
        return new TeamPage("team.mustache", context, messages.format("team_title", organization.name()), m);
    }
}
