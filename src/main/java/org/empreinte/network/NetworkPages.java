package org.empreinte.network;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

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
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.footprint.FootprintService;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * The network pages. The member's pages are root resources of their own under the organization's
 * address, as TargetPages is: one at {@code /organizations/{orgId}} would take it from OrganizationPages.
 */
public final class NetworkPages {

    private NetworkPages() {
    }

    /** The networks, a form to create one, and each network's dashboard for its coordinator. */
    @Path("/networks")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public static class Coordinator {

        private final NetworkService networks;
        private final CampaignService campaigns;
        private final Clock clock;
        private final NetworkAccess access;
        private final OrganizationService organizations;

        public Coordinator(NetworkService networks, CampaignService campaigns, Clock clock, NetworkAccess access,
                OrganizationService organizations) {
            this.networks = networks;
            this.campaigns = campaigns;
            this.clock = clock;
            this.access = access;
            this.organizations = organizations;
        }

        private Paging.Slice<Network> visible(java.security.Principal who, Paging paging) {
            return networks.page(access.networks(who), paging);
        }

        @Allow(Permission.SIGNED_IN)
        @GET
        public NetworkPage list(@QueryParam("after") String after, @Context UriInfo uri, @Context HttpHeaders headers,
                @Context jakarta.ws.rs.core.SecurityContext security) {
            Paging paging;
            try {
                paging = Paging.of(null, after, 2);
            } catch (ValidationException e) {
                // A cursor mangled in the address bar: the first networks rather than an error page.
                paging = Paging.first();
            }
            return NetworkPage.networks(PageContext.of(uri, headers), visible(security.getUserPrincipal(), paging),
                    !paging.isFirst(), Form.empty());
        }

        @Allow(Permission.ADMINISTRATOR)
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response create(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
                @Context jakarta.ws.rs.core.SecurityContext security) {
            Form form = Form.of(params);
            PageContext context = PageContext.of(uri, headers).at("/networks");
            try {
                Network created = networks.create(new NetworkRequest(form.value("name"), null));
                return Response.seeOther(URI.create("/networks/" + created.id())).build();
            } catch (ValidationException e) {
                form.reject(e, context.messages());
                return Response.status(422).entity(NetworkPage.networks(context,
                        visible(security.getUserPrincipal(), Paging.first()), false, form))
                        .build();
            }
        }

        @Allow(Permission.NETWORK_COORDINATE)
        @GET
        @Path("{networkId}")
        public NetworkPage dashboard(@PathParam("networkId") long id, @QueryParam("year") String year,
                @QueryParam("campaign") String done, @QueryParam("sent") int sent, @QueryParam("failed") int failed,
                @QueryParam("done") String managed, @Context UriInfo uri, @Context HttpHeaders headers,
                @Context jakarta.ws.rs.core.SecurityContext security) {
            Period period = FootprintService.period(year, null, null, LocalDate.now(clock).getYear());
            PageContext context = PageContext.of(uri, headers);
            String notice = done == null || !CampaignPages.NOTICES.contains(done) ? null
                    : "reminded".equals(done) ? context.messages().format("campaign_notice_reminded", sent, failed)
                    : context.messages().get("campaign_notice_" + done);
            String manageNotice = managed != null && NetworkSettingsPages.NOTICES.contains(managed)
                    ? context.messages().get("network_notice_" + managed) : null;
            return managed(context, id, period, security.getUserPrincipal(), null, manageNotice,
                    page(networks, campaigns, context, id, period, notice, null, null, null));
        }

        /** The dashboard with the section that runs the network: its members' states, invitations, coordinators, target. */
        NetworkPage managed(PageContext context, long id, Period period, java.security.Principal who,
                NetworkManagement.Forms forms, String notice, NetworkPage page) {
            Network network = networks.network(id);
            int year = period.start().getYear();
            boolean admin = access.networks(who) == null;
            NetworkManagement.add(page, context.messages(), network, year, networks.inventories(id, year),
                    networks.invitationsFrom(id), access.coordinatorsOf(id), admin ? organizations.list() : null,
                    forms != null ? forms : NetworkManagement.Forms.empty(network), notice);
            return page;
        }

        NetworkPage managed(PageContext context, long id, java.security.Principal who, NetworkManagement.Forms forms) {
            Period period = FootprintService.period(null, null, null, LocalDate.now(clock).getYear());
            return managed(context, id, period, who, forms, null,
                    page(networks, campaigns, context, id, period, null, null, null, null));
        }

        /**
         * The dashboard with its campaign section: a year's published figures (frozen once its campaign is closed)
         * and, when a campaign form was refused, that form again with the message beside its field.
         */
        static NetworkPage page(NetworkService networks, CampaignService campaigns, PageContext context, long id, Period period,
                String notice, Form openForm, Long returnedMember, Form returnForm) {
            int year = period.start().getYear();
            NetworkPage page = NetworkPage.dashboard(context, campaigns.published(id, period), campaigns.rules());
            Optional<Campaign> campaign = campaigns.find(id, year);
            Form open = openForm != null ? openForm : Form.of(java.util.Map.of("year", Integer.toString(year)));
            return page.campaign(campaign.map(c -> campaigns.status(id, year)).orElse(null),
                    campaign.filter(c -> !c.closed()).map(c -> campaigns.preview(id, year)).orElse(null), campaigns.list(id),
                    campaigns.mailEnabled(), notice, open, returnedMember, returnForm);
        }
    }

    /** The member's consent page: its networks and what it shares with each, changed at once. */
    @Path("/organizations/{orgId}/networks")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public static class Consent {

        private final NetworkService networks;
        private final OrganizationService organizations;
        private final NetworkAccess access;

        public Consent(NetworkService networks, OrganizationService organizations, NetworkAccess access) {
            this.networks = networks;
            this.organizations = organizations;
            this.access = access;
        }

        /** Its networks, and for its editors the networks that invite it. */
        @Allow(Permission.ORGANIZATION_READ)
        @GET
        public NetworkPage page(@PathParam("orgId") long orgId, @QueryParam("changed") String changed,
                @QueryParam("joined") String joined, @QueryParam("declined") String declined, @Context UriInfo uri,
                @Context HttpHeaders headers, @Context jakarta.ws.rs.core.SecurityContext security) {
            PageContext context = PageContext.of(uri, headers);
            String notice = changed != null ? context.messages().get("consent_changed")
                    : joined != null ? context.messages().get("consent_joined")
                    : declined != null ? context.messages().get("consent_declined") : null;
            java.util.List<NetworkInvitation.Received> invitations = access.mayConsentFor(security.getUserPrincipal(), orgId)
                    ? networks.invitationsOf(orgId) : java.util.List.of();
            return NetworkPage.consent(context, organizations.get(orgId),
                    access.visibleMemberships(security.getUserPrincipal(), orgId, networks.memberships(orgId)), invitations, notice);
        }

        @Allow(Permission.ORGANIZATION_WRITE)
        @POST
        @Path("invitations/{networkId}/accept")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response accept(@PathParam("orgId") long orgId, @PathParam("networkId") long networkId,
                MultivaluedMap<String, String> params) {
            networks.accept(networkId, orgId, new MemberRequest(orgId, Form.of(params).value("sharing")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/networks?joined=" + networkId)).build();
        }

        @Allow(Permission.ORGANIZATION_WRITE)
        @POST
        @Path("invitations/{networkId}/decline")
        public Response decline(@PathParam("orgId") long orgId, @PathParam("networkId") long networkId) {
            networks.decline(networkId, orgId);
            return Response.seeOther(URI.create("/organizations/" + orgId + "/networks?declined=" + networkId)).build();
        }

        @Allow(Permission.ORGANIZATION_WRITE)
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response change(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params) {
            Form form = Form.of(params);
            long networkId;
            try {
                networkId = Long.parseLong(form.value("networkId"));
            } catch (NumberFormatException | NullPointerException e) {
                throw new ValidationException("networkId", "networkId must be a network's id", "error_required");
            }
            networks.changeSharing(networkId, orgId, new MemberRequest(orgId, form.value("sharing")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/networks?changed=" + networkId)).build();
        }
    }

    /** "Where do we stand among similar enterprises?" */
    @Path("/organizations/{orgId}/benchmark")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public static class BenchmarkPage {

        private final BenchmarkService benchmarks;
        private final OrganizationService organizations;
        private final Clock clock;

        public BenchmarkPage(BenchmarkService benchmarks, OrganizationService organizations, Clock clock) {
            this.benchmarks = benchmarks;
            this.organizations = organizations;
            this.clock = clock;
        }

        @Allow(Permission.ORGANIZATION_READ)
        @GET
        public NetworkPage page(@PathParam("orgId") long orgId, @QueryParam("year") String year, @Context UriInfo uri,
                @Context HttpHeaders headers) {
            Period period = FootprintService.period(year, null, null, LocalDate.now(clock).getYear());
            return NetworkPage.benchmark(PageContext.of(uri, headers), organizations.get(orgId), period.start().getYear(),
                    benchmarks.benchmark(orgId, period), benchmarks.rules());
        }
    }
}
