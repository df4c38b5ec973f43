package org.empreinte.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;

/**
 * The dashboard's section to run the network: its members and where each stands for the year, the invitations
 * waiting, a form to invite an organization, its coordinators (named by administrators) and its target.
 */
final class NetworkManagement {

    private NetworkManagement() {
    }

    public record MemberState(long organizationId, String name, String sharing, String state) {
    }

    public record Pending(long organizationId, String label, String since) {
    }

    /** The forms of the section, as typed when one was refused. */
    record Forms(Form invite, Form coordinator, Form target) {
        static Forms empty(Network network) {
            Map<String, String> target = new HashMap<>();
            if (network.target() != null) {
                target.put("baseYear", Integer.toString(network.target().baseYear()));
                target.put("targetYear", Integer.toString(network.target().targetYear()));
                target.put("reductionPercent", trim(network.target().reductionPercent()));
                network.target().scopes().forEach(s -> target.put("scope" + s, "on"));
            } else {
                List.of(1, 2, 3).forEach(s -> target.put("scope" + s, "on"));
            }
            return new Forms(Form.empty(), Form.empty(), Form.of(target));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * @param organizations every organization, for an administrator's choice of whom to invite; null for a
     *     coordinator, who names an organization by its number and learns nothing of the others
     */
    static void add(NetworkPage page, Messages messages, Network network, int year, List<MemberInventory> states,
            List<NetworkInvitation.Sent> invitations, List<NetworkAccess.Coordinator> coordinators,
            List<Organization> organizations, Forms forms, String notice) {
        Map<String, Object> m = page.getM();
        m.put("manage", true);
        Map<Long, MemberInventory> byMember = states.stream()
                .collect(Collectors.toMap(MemberInventory::organizationId, s -> s, (a, b) -> a));
        List<MemberState> members = new ArrayList<>();
        int submitted = 0;
        for (Member member : network.members()) {
            MemberInventory state = byMember.get(member.organizationId());
            String label;
            if (state == null) {
                label = messages.get("network_member_state_hidden");
            } else {
                label = messages.get("network_member_state_" + state.state());
                if (!"open".equals(state.state())) {
                    submitted++;
                }
            }
            members.add(new MemberState(member.organizationId(), member.organizationName(),
                    messages.get("sharing_" + member.sharing()), label));
        }
        m.put("manageMembers", members);
        m.put("manageMembersSummary", members.isEmpty() ? messages.get("network_no_members")
                : NetworkWording.reporting(messages, submitted, states.size(), year));
        Map<Long, String> names = organizations == null ? Map.of()
                : organizations.stream().collect(Collectors.toMap(Organization::id, Organization::name, (a, b) -> a));
        m.put("managePending", invitations.stream().map(i -> new Pending(i.organizationId(),
                names.getOrDefault(i.organizationId(), messages.format("network_organization_number",
                        Long.toString(i.organizationId()))), java.time.LocalDate.parse(i.createdAt().substring(0, 10))
                        .format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                                .withLocale(messages.locale()))))
                .toList());
        m.put("manageHasPending", !invitations.isEmpty());
        if (organizations != null) {
            Set<Long> taken = new java.util.HashSet<>();
            network.members().forEach(x -> taken.add(x.organizationId()));
            invitations.forEach(x -> taken.add(x.organizationId()));
            String chosen = forms.invite().value("organizationId");
            m.put("manageChoices", organizations.stream().filter(o -> !taken.contains(o.id()))
                    .map(o -> new Form.Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosen))).toList());
            m.put("manageAdmin", true);
        }
        m.put("manageCoordinators", coordinators);
        m.put("manageNoCoordinators", coordinators.isEmpty());
        m.put("manageInviteForm", forms.invite());
        m.put("manageCoordinatorForm", forms.coordinator());
        m.put("manageTargetForm", forms.target());
        m.put("manageHasTarget", network.target() != null);
        if (network.target() != null) {
            var t = network.target();
            java.text.NumberFormat percent = java.text.NumberFormat.getNumberInstance(messages.locale());
            percent.setMaximumFractionDigits(2);
            m.put("manageTargetNow", messages.format("network_target_current", percent.format(t.reductionPercent()),
                    Integer.toString(t.baseYear()), Integer.toString(t.targetYear()),
                    String.join(", ", t.scopes().stream().map(String::valueOf).toList())));
        }
        if (notice != null) {
            m.put("manageNotice", notice);
        }
    }
}
