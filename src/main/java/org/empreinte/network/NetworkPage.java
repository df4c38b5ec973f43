package org.empreinte.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.Disclosure;
import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;

/**
 * The network pages, one view class for the four templates: what each shows is a few lines, and the
 * formatting (kg, intensities, percentiles in the reader's language) is shared.
 */
public class NetworkPage extends Page {

    public record Line(String label, String value) {
    }

    public record MemberLine(long organizationId, String name, String total, String perFte, String perMillion, boolean reported) {
    }

    public record Consent(long networkId, String networkName, List<Form.Option> options, String updatedAt) {
    }

    public record NetworkLine(long id, String name, String members) {
    }

    private final String title;
    private final Map<String, Object> model;

    private NetworkPage(String template, PageContext context, String title, Map<String, Object> model) {
        super(template, context);
        this.title = title;
        this.model = model;
    }

    @Override
    public String getTitle() {
        return title;
    }

    public Map<String, Object> getM() {
        return model;
    }

    /** A page of the networks, by name, with links to the next one and, from a later page, back to the first. */
    static NetworkPage networks(PageContext context, Paging.Slice<Network> networks, boolean laterPage,
            Form form) {
        List<NetworkLine> lines = networks.items().stream().map(n -> new NetworkLine(n.id(), n.name(),
                NetworkWording.members(context.messages(), n.memberCount())))
                .toList();
        Map<String, Object> model = new java.util.HashMap<>(Map.of("networks", lines, "form", form, "empty", lines.isEmpty()));
        if (networks.next() != null) {
            model.put("nextLink", "/networks?after=" + networks.next());
        }
        if (laterPage) {
            model.put("firstLink", "/networks");
        }
        return new NetworkPage("networks.mustache", context, context.messages().get("networks_title"), model);
    }

    static NetworkPage dashboard(PageContext context, NetworkAggregate aggregate, Disclosure.Rules rules) {
        var messages = context.messages();
        NetworkPage page = new NetworkPage("network.mustache", context,
                messages.format("network_title", aggregate.name(), Integer.toString(aggregate.year())), new java.util.HashMap<>());
        Map<String, Object> m = page.model;
        m.put("id", aggregate.networkId());
        m.put("year", aggregate.year());
        m.put("previousYear", aggregate.year() - 1);
        m.put("nextYear", aggregate.year() + 1);
        int k = aggregate.minimumOrganizations();
        Map<String, String> hidden = aggregate.hidden();
        m.put("help", messages.format("network_help", k, page.number(100 * rules.dominanceShare(), 0)));
        if (aggregate.totalCo2eKg() != null) {
            m.put("total", page.kg(aggregate.totalCo2eKg()));
            NetworkAggregate.Interval interval = aggregate.uncertainty();
            if (interval != null) {
                m.put("interval", messages.format("network_interval", page.kg(interval.lowerCo2eKg()),
                        page.kg(interval.upperCo2eKg()), page.number(100 * interval.relative(), 0)));
                m.put("improveFirst", interval.sources().stream().map(s -> new Line(messages.labelOr("type_", s.type()),
                        messages.format("uncertainty_share", page.number(100 * s.shareOfVariance(), 0)))).toList());
                m.put("hasImproveFirst", !interval.sources().isEmpty());
            }
        } else {
            m.put("totalHidden", "dominated".equals(hidden.get("total"))
                    ? messages.format("network_total_dominated", page.number(100 * rules.dominanceShare(), 0))
                    : messages.format("network_total_too_few", k, Integer.toString(aggregate.year())));
        }
        m.put("reporting", NetworkWording.reporting(messages, aggregate.reporting(), aggregate.sharingOrganizations(),
                aggregate.year()));
        m.put("notSharing", NetworkWording.notSharing(messages, aggregate.notSharing(), aggregate.organizations()));
        List<Line> scopes = new ArrayList<>();
        aggregate.byScope().forEach((scope, kg) -> scopes.add(new Line(messages.get("scope_" + scope),
                shownOrWhy(page, kg, hidden.get("scope." + scope), k, rules, context))));
        m.put("scopes", scopes);
        List<Line> categories = new ArrayList<>();
        aggregate.byCategory().forEach((category, kg) -> categories.add(new Line(messages.labelOr("category_", category),
                shownOrWhy(page, kg, hidden.get("category." + category), k, rules, context))));
        m.put("categories", categories);
        if (aggregate.intensityCo2eKgPerFte() != null) {
            var d = aggregate.intensityCo2eKgPerFte();
            if (d.lowerQuartile() != null) {
                m.put("distribution", messages.format("network_distribution", page.intensity(d.lowerQuartile()),
                        page.intensity(d.median()), page.intensity(d.upperQuartile()), d.count()));
                m.put("chart", BoxChart.svg(messages.get("network_chart_title"), d.lowerQuartile(), d.median(),
                        d.upperQuartile(), page::intensity));
            } else {
                m.put("distribution", messages.format("network_distribution_median", page.intensity(d.median()), d.count(),
                        rules.quartileThreshold()));
            }
        } else if (hidden.containsKey("intensityCo2eKgPerFte")) {
            m.put("distribution", messages.format("network_distribution_hidden", k));
        }
        if (aggregate.intensityCo2eKgPerMillionCad() != null) {
            var d = aggregate.intensityCo2eKgPerMillionCad();
            m.put("distributionRevenue", d.lowerQuartile() != null
                    ? messages.format("network_distribution_revenue", page.intensity(d.lowerQuartile()),
                            page.intensity(d.median()), page.intensity(d.upperQuartile()), d.count())
                    : messages.format("network_distribution_revenue_median", page.intensity(d.median()), d.count()));
        }
        m.put("notReported", aggregate.notReported());
        // "All have submitted" only when someone shares: said of no one, it would be true and misleading.
        m.put("allReported", aggregate.notReported().isEmpty() && aggregate.sharingOrganizations() > 0);
        m.put("noneToFollow", aggregate.sharingOrganizations() == 0);
        List<MemberLine> members = aggregate.members().stream().map(d -> new MemberLine(d.organizationId(), d.name(),
                page.kg(d.totalCo2eKg()), d.intensityCo2eKgPerFte() == null ? "—" : page.intensity(d.intensityCo2eKgPerFte()),
                d.intensityCo2eKgPerMillionCad() == null ? "—" : page.intensity(d.intensityCo2eKgPerMillionCad()), d.reported()))
                .toList();
        m.put("members", members);
        m.put("hasMembers", !members.isEmpty());
        if (aggregate.target() != null) {
            var t = aggregate.target();
            m.put("target", t.baseCo2eKg() == null && !hidden.containsKey("target.base")
                    ? messages.format("network_target_no_base", Integer.toString(t.baseYear()))
                    : t.onTrack() == null ? messages.get("network_target_hidden")
                    : messages.format(t.onTrack() ? "network_target_on_track" : "network_target_off_track",
                            page.kg(t.actualCo2eKg()), page.kg(t.trajectoryCo2eKg()), Integer.toString(t.targetYear()),
                            page.kg(t.targetCo2eKg())));
        }
        return page;
    }

    /** A figure, or in plain words why it is hidden. */
    private static String shownOrWhy(NetworkPage page, Double kg, String reason, int k, Disclosure.Rules rules,
            PageContext context) {
        if (kg != null) {
            return page.kg(kg);
        }
        return switch (reason == null ? "too_few" : reason) {
            case "dominated" -> context.messages().format("disclosure_dominated", page.number(100 * rules.dominanceShare(), 0));
            case "complementary" -> context.messages().get("disclosure_complementary");
            default -> context.messages().format("disclosure_too_few", k);
        };
    }

    static NetworkPage consent(PageContext context, Organization organization, List<Member> memberships,
            List<NetworkInvitation.Received> invitations, String notice) {
        var messages = context.messages();
        List<Consent> lines = new ArrayList<>();
        for (Member member : memberships) {
            Form form = Form.of(Map.of("sharing", member.sharing()));
            lines.add(new Consent(member.networkId(), member.networkName(),
                    form.options("sharing", List.of("none", "aggregate", "detailed"), s -> messages.get("sharing_" + s)),
                    member.updatedAt().substring(0, Math.min(10, member.updatedAt().length()))));
        }
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("organization", organization);
        m.put("networks", lines);
        m.put("empty", lines.isEmpty());
        List<Consent> invited = new ArrayList<>();
        for (NetworkInvitation.Received invitation : invitations) {
            // Nothing is shared until the editors choose: "none" comes first and is selected.
            invited.add(new Consent(invitation.networkId(), invitation.networkName(),
                    Form.of(Map.of("sharing", "none")).options("sharing", List.of("none", "aggregate", "detailed"),
                            s -> messages.get("sharing_" + s)),
                    invitation.createdAt().substring(0, Math.min(10, invitation.createdAt().length()))));
        }
        m.put("invitations", invited);
        m.put("invited", !invited.isEmpty());
        if (notice != null) {
            m.put("notice", notice);
        }
        return new NetworkPage("consent.mustache", context, messages.format("consent_title", organization.name()), m);
    }

    static NetworkPage benchmark(PageContext context, Organization organization, int year, Benchmark b, Disclosure.Rules rules) {
        var messages = context.messages();
        NetworkPage page = new NetworkPage("benchmark.mustache", context, messages.get("benchmark_title"), new java.util.HashMap<>());
        Map<String, Object> m = page.model;
        m.put("organization", organization);
        m.put("year", year);
        m.put("previousYear", year - 1);
        m.put("nextYear", year + 1);
        if (b.suppressed()) {
            m.put("suppressed", messages.format("benchmark_suppressed", rules.peerThreshold(), Integer.toString(year)));
            return page;
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(messages.get("benchmark_own"), b.intensityCo2eKgPerFte() == null ? messages.get("benchmark_no_data")
                : page.intensity(b.intensityCo2eKgPerFte())));
        lines.add(new Line(messages.get("benchmark_median"), page.intensity(b.median())));
        lines.add(new Line(messages.get("benchmark_quartiles"), b.lowerQuartile() == null
                ? messages.format("benchmark_quartiles_hidden", rules.quartileThreshold())
                : page.intensity(b.lowerQuartile()) + " – " + page.intensity(b.upperQuartile())));
        m.put("lines", lines);
        m.put("position", b.position() == null ? messages.format("benchmark_not_submitted", Integer.toString(year))
                : messages.get("benchmark_position_" + b.position()));
        m.put("peers", messages.format(b.sizeBandRelaxed() ? "benchmark_peers_all_sizes" : "benchmark_peers", b.peers(),
                b.naicsPrefix(), Integer.toString(b.naicsLevel()), b.sizeBand() == null ? "" : b.sizeBand()));
        if (b.revenue() != null) {
            var r = b.revenue();
            m.put("revenue", messages.format("benchmark_revenue", r.intensityCo2eKgPerMillionCad() == null ? "—"
                    : page.intensity(r.intensityCo2eKgPerMillionCad()), page.intensity(r.median()), r.peers()));
        }
        return page;
    }

    public record CampaignCount(String state, String label, int count) {
    }

    /** A member in the campaign section, with the forms its state allows. */
    public record CampaignMember(long organizationId, String name, String state, String stateLabel, String detail,
            String comment, boolean reviewable, boolean returnable, String returnValue, String returnError) {
    }

    public record CampaignGroup(String state, String heading, List<CampaignMember> members) {
    }

    public record ReminderLine(long organizationId, String to, String subject, List<String> body) {
    }

    public record CampaignLink(int year, String label, boolean current) {
    }

    /**
     * The campaign section: for the year shown, its campaign (members by state, review, reminders, CSV, closing) or
     * a form to open one; and the network's other campaigns.
     *
     * @param status null when the year has no campaign
     * @param reminders what reminders would go now; null when closed or none
     */
    NetworkPage campaign(CampaignStatus status, Reminders reminders, List<Campaign> all, boolean mailEnabled, String notice,
            Form openForm, Long returnedMember, Form returnForm) {
        var messages = context().messages();
        Map<String, Object> m = model;
        int year = (Integer) m.get("year");
        m.put("campaignTitle", messages.format("campaign_title", Integer.toString(year)));
        m.put("campaignNotice", notice);
        m.put("campaignOpenForm", openForm);
        m.put("campaignList", all.stream().map(c -> new CampaignLink(c.year(), messages.format(c.closed()
                ? "campaign_link_closed" : "campaign_link", Integer.toString(c.year()), longDate(c.dueDate())),
                c.year() == year)).toList());
        m.put("campaignOthers", !all.isEmpty());
        // Refused, the form comes back even above an existing campaign: its message must stand beside its field.
        m.put("campaignOpenShown", status == null || openForm.getHasErrors());
        if (status == null) {
            m.put("campaignNone", messages.format("campaign_none", Integer.toString(year)));
            return this;
        }
        String base = "/networks/" + status.networkId() + "/campaigns/" + year;
        m.put("campaign", true);
        m.put("campaignBase", base);
        m.put("campaignDue", messages.format(status.pastDue() ? "campaign_past_due" : "campaign_due", longDate(status.dueDate())));
        if (status.closedAt() != null) {
            m.put("campaignClosed", messages.format("campaign_closed", longDate(status.closedAt().substring(0, 10)),
                    Integer.toString(year)));
        }
        m.put("campaignCounts", CampaignStatus.STATES.stream().map(state -> new CampaignCount(state,
                messages.get("campaign_state_" + state), status.counts().get(state))).toList());
        m.put("campaignNotSharing", messages.format("campaign_not_sharing", status.notSharing()));
        List<CampaignGroup> groups = new ArrayList<>();
        for (String state : CampaignStatus.STATES) {
            List<CampaignMember> members = status.members().stream().filter(member -> member.state().equals(state))
                    .map(member -> {
                        boolean returned = returnForm != null && returnedMember != null
                                && returnedMember == member.organizationId();
                        String detail = member.submittedAt() == null ? null
                                : messages.format("campaign_submitted_at", member.submittedAt().substring(0, 10),
                                        member.version());
                        return new CampaignMember(member.organizationId(), member.name(), state,
                                messages.get("campaign_state_" + state), detail, member.comment(),
                                "submitted".equals(member.inventoryState()),
                                "submitted".equals(member.inventoryState()) || "reviewed".equals(member.inventoryState()),
                                returned ? returnForm.value("comment") : null,
                                returned ? returnForm.getErrors().get("comment") : null);
                    }).toList();
            if (!members.isEmpty()) {
                groups.add(new CampaignGroup(state, messages.format("campaign_group", messages.get("campaign_state_" + state),
                        members.size()), members));
            }
        }
        m.put("campaignGroups", groups);
        m.put("campaignNoMembers", groups.isEmpty());
        m.put("campaignCsv", "/api/networks/" + status.networkId() + "/campaigns/" + year + "/status.csv?lang="
                + context().language());
        if (status.closedAt() == null) {
            m.put("campaignOpen", true);
            m.put("campaignRemindersHelp", messages.get(mailEnabled ? "campaign_reminders_help_on" : "campaign_reminders_help_off"));
            if (status.remindedAt() != null) {
                m.put("campaignReminded", messages.format("campaign_reminded", status.remindedAt().substring(0, 10)));
            }
            List<ReminderLine> lines = reminders == null ? List.of() : reminders.reminders().stream()
                    .map(r -> new ReminderLine(r.organizationId(), messages.format("campaign_reminder_to", r.name(), r.recipients()),
                            r.subject(), java.util.Arrays.stream(r.body().split("\n")).filter(line -> !line.isBlank()).toList()))
                    .toList();
            m.put("campaignReminders", lines);
            m.put("campaignNoReminders", lines.isEmpty());
        }
        return this;
    }

    /** A date as people write it in the page's language: "31 mars 2026", "March 31, 2026". */
    private String longDate(String isoDate) {
        return java.time.LocalDate.parse(isoDate).format(java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(context().messages().locale()));
    }

    /** An intensity: three significant digits are what a comparison needs, whatever its size. */
    String intensity(double value) {
        int decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
        return number(value, decimals);
    }
}
