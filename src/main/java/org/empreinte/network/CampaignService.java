package org.empreinte.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.audit.Actor;
import org.empreinte.calculation.Period;
import org.empreinte.inventory.InventoryService;
import org.empreinte.inventory.YearState;
import org.empreinte.mail.Mailer;
import org.empreinte.web.ConflictException;
import org.empreinte.web.Messages;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * A network's reporting campaigns: a year and a due date; where each sharing member stands; reminders to those
 * still awaited; and closing, which freezes what the network publishes for the year.
 */
public class CampaignService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    private final Jdbi jdbi;
    private final CampaignDao dao;
    private final NetworkService networks;
    private final NetworkFigures figures;
    private final InventoryService inventories;
    private final MemberContacts contacts;
    private final Mailer mailer;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Clock clock;

    public CampaignService(Jdbi jdbi, NetworkService networks, NetworkFigures figures, InventoryService inventories,
            MemberContacts contacts, Mailer mailer, String baseUrl, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(CampaignDao.class);
        this.networks = networks;
        this.figures = figures;
        this.inventories = inventories;
        this.contacts = contacts;
        this.mailer = mailer;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceFirst("/+$", "");
        this.json = json;
        this.clock = clock;
    }

    /** The rules the published figures followed: the pages say them in words. */
    public org.empreinte.calculation.Disclosure.Rules rules() {
        return figures.rules();
    }

    public boolean mailEnabled() {
        return mailer.enabled();
    }

    public Campaign open(long networkId, CampaignRequest request) {
        int year = year(request == null ? null : request.year());
        LocalDate due = dueDate(request.dueDate(), year);
        return jdbi.inTransaction(handle -> {
            networks.network(networkId);
            if (dao.find(networkId, year).isPresent()) {
                throw exists(networkId, year);
            }
            try {
                dao.insert(networkId, year, due.toString(), clock.instant().toString(), Actor.current());
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                // Another request opened it between the check and the insert (PostgreSQL's concurrent transactions).
                if (dao.find(networkId, year).isPresent()) {
                    throw exists(networkId, year);
                }
                throw e;
            }
            return campaign(networkId, year);
        });
    }

    public List<Campaign> list(long networkId) {
        networks.network(networkId);
        return dao.list(networkId).stream().map(CampaignDao.Row::campaign).toList();
    }

    /** What a member has to do: each open campaign of its networks, with its own year's state and whether it is late. */
    public List<MemberCampaign> openFor(long organizationId) {
        List<MemberCampaign> campaigns = new ArrayList<>();
        for (CampaignDao.ForMember campaign : dao.openFor(organizationId)) {
            String state = inventories.state(organizationId, campaign.year()).map(YearState::state).orElse("open");
            boolean done = state.equals("submitted") || state.equals("reviewed");
            boolean late = !done && LocalDate.now(clock).isAfter(LocalDate.parse(campaign.dueDate()));
            campaigns.add(new MemberCampaign(campaign.networkId(), campaign.networkName(), campaign.year(),
                    campaign.dueDate(), state, done, late));
        }
        return campaigns;
    }

    public Campaign campaign(long networkId, int year) {
        return row(networkId, year).campaign();
    }

    public Optional<Campaign> find(long networkId, int year) {
        return dao.find(networkId, year).map(CampaignDao.Row::campaign);
    }

    /** Each member sharing at least its aggregate, with its state; the others counted. */
    public CampaignStatus status(long networkId, int year) {
        Network network = networks.network(networkId);
        CampaignDao.Row campaign = row(networkId, year);
        LocalDate due = LocalDate.parse(campaign.dueDate());
        boolean pastDue = LocalDate.now(clock).isAfter(due);
        List<Member> sharing = network.members().stream().filter(m -> Sharing.parse(m.sharing()).sharesAggregate()).toList();
        Map<Long, YearState> states = inventories.states(year, sharing.stream().map(Member::organizationId).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        CampaignStatus.STATES.forEach(s -> counts.put(s, 0));
        List<CampaignStatus.MemberStatus> members = new ArrayList<>();
        for (Member member : sharing) {
            YearState state = states.get(member.organizationId());
            String inventoryState = state == null ? "open" : state.state();
            String campaignState = switch (inventoryState) {
                case "submitted" -> CampaignStatus.SUBMITTED;
                case "reviewed" -> CampaignStatus.REVIEWED;
                case "reopened" -> pastDue ? CampaignStatus.LATE : CampaignStatus.IN_PROGRESS;
                default -> pastDue ? CampaignStatus.LATE : CampaignStatus.NOT_STARTED;
            };
            counts.merge(campaignState, 1, Integer::sum);
            members.add(state == null
                    ? new CampaignStatus.MemberStatus(member.organizationId(), member.organizationName(), campaignState,
                            inventoryState, null, null, null, null)
                    : new CampaignStatus.MemberStatus(member.organizationId(), member.organizationName(), campaignState,
                            inventoryState, state.version(), state.submittedAt(), state.updatedAt(), state.commentForNetwork()));
        }
        return new CampaignStatus(networkId, network.name(), year, campaign.dueDate(), pastDue, campaign.openedAt(),
                campaign.remindedAt(), campaign.closedAt(), counts, network.members().size() - sharing.size(), members);
    }

    /**
     * Freezes the network's aggregate for the year as the disclosure rules give it now: from then on it is what the
     * network publishes for the year, whatever a member later changes in what it shares (it shared when it submitted).
     */
    public Campaign close(long networkId, int year) {
        return jdbi.inTransaction(handle -> {
            CampaignDao.Row row = row(networkId, year);
            if (row.closedAt() != null) {
                throw closed(year);
            }
            NetworkAggregate aggregate = figures.aggregate(networkId, Period.ofYear(year));
            String frozen;
            try {
                frozen = json.writeValueAsString(aggregate);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the aggregate of network " + networkId + " could not be written", e);
            }
            if (dao.close(networkId, year, clock.instant().toString(), Actor.current(), frozen) == 0) {
                throw closed(year);
            }
            return campaign(networkId, year);
        });
    }

    /**
     * What the network publishes for the period: for a whole year whose campaign is closed, the figures frozen at
     * closing; otherwise the live rule, over today's sharing members' submissions.
     */
    public NetworkAggregate published(long networkId, Period period) {
        int year = period.start().getYear();
        if (period.equals(Period.ofYear(year))) {
            Optional<CampaignDao.Row> row = dao.find(networkId, year).filter(r -> r.closedAggregate() != null);
            if (row.isPresent()) {
                try {
                    return json.readValue(row.get().closedAggregate(), NetworkAggregate.class).withClosedAt(row.get().closedAt());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("campaign " + year + " of network " + networkId
                            + " holds no readable aggregate", e);
                }
            }
        }
        return figures.aggregate(networkId, period);
    }

    /** The reminders {@link #remind} would send now, sending nothing. */
    public Reminders preview(long networkId, int year) {
        CampaignStatus status = status(networkId, year);
        return new Reminders(mailer.enabled(), 0, 0, reminders(status, contacts.editors(awaitedIds(status))));
    }

    /**
     * Writes to the editors of each member still awaited, in French (Empreinte's members are Québec's); without an
     * SMTP server, sends nothing and answers what would be sent. Refused once the campaign is closed.
     */
    public Reminders remind(long networkId, int year) {
        CampaignStatus status = status(networkId, year);
        if (status.closedAt() != null) {
            throw closed(year);
        }
        Map<Long, List<String>> editors = contacts.editors(awaitedIds(status));
        List<Reminders.Reminder> reminders = reminders(status, editors);
        if (!mailer.enabled()) {
            return new Reminders(false, 0, 0, reminders);
        }
        int sent = 0;
        int failed = 0;
        for (Reminders.Reminder reminder : reminders) {
            for (String address : editors.getOrDefault(reminder.organizationId(), List.of())) {
                try {
                    mailer.send(new Mailer.Message(address, reminder.subject(), reminder.body()));
                    sent++;
                } catch (Mailer.MailFailure e) {
                    failed++;
                    LOG.warn("Campaign {} of network {}: a reminder to organization {} was not sent: {}", year, networkId,
                            reminder.organizationId(), e.getMessage());
                }
            }
        }
        if (sent > 0) {
            dao.reminded(networkId, year, clock.instant().toString());
        }
        return new Reminders(true, sent, failed, reminders);
    }

    private List<Reminders.Reminder> reminders(CampaignStatus status, Map<Long, List<String>> editors) {
        Messages french = Messages.of(Messages.FRENCH);
        String due = LocalDate.parse(status.dueDate()).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Messages.FRENCH));
        String year = Integer.toString(status.year());
        List<Reminders.Reminder> reminders = new ArrayList<>();
        for (CampaignStatus.MemberStatus member : status.members()) {
            if (!member.awaited()) {
                continue;
            }
            String link = baseUrl + "/organizations/" + member.organizationId() + "/inventories/" + year;
            String where = french.get(CampaignStatus.LATE.equals(member.state()) ? "campaign_mail_late" : "campaign_mail_not_started");
            reminders.add(new Reminders.Reminder(member.organizationId(), member.name(), member.state(),
                    editors.getOrDefault(member.organizationId(), List.of()).size(),
                    french.format("campaign_mail_subject", year, status.networkName(), due),
                    french.format("campaign_mail_body", status.networkName(), year, member.name(), due, where, link)));
        }
        return reminders;
    }

    private static List<Long> awaitedIds(CampaignStatus status) {
        return status.members().stream().filter(CampaignStatus.MemberStatus::awaited)
                .map(CampaignStatus.MemberStatus::organizationId).toList();
    }

    private CampaignDao.Row row(long networkId, int year) {
        networks.network(networkId);
        return dao.find(networkId, year).orElseThrow(() -> new ResourceNotFoundException("campaign of network " + networkId
                + " for year", year));
    }

    private static ConflictException exists(long networkId, int year) {
        return new ConflictException("year", "network " + networkId + " already has a campaign for " + year,
                "campaign_error_exists", Integer.toString(year));
    }

    private static ConflictException closed(int year) {
        return new ConflictException("year", "the " + year + " campaign is closed", "campaign_error_closed",
                Integer.toString(year));
    }

    private static int year(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("year", "year is required", "error_required");
        }
        int year;
        try {
            year = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("year", "year must be a year between " + Period.EARLIEST_YEAR + " and "
                    + Period.LATEST_YEAR, "error_year");
        }
        if (year < Period.EARLIEST_YEAR || year > Period.LATEST_YEAR) {
            throw new ValidationException("year", "year must be a year between " + Period.EARLIEST_YEAR + " and "
                    + Period.LATEST_YEAR, "error_year");
        }
        return year;
    }

    /** A date in ISO form, no earlier than the year's first day: members cannot be due to report a year not begun. */
    private static LocalDate dueDate(String text, int year) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("dueDate", "dueDate is required", "error_required");
        }
        LocalDate due;
        try {
            due = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("dueDate", "dueDate must be a date YYYY-MM-DD", "error_date");
        }
        if (due.getYear() > Period.LATEST_YEAR) {
            throw new ValidationException("dueDate", "dueDate must be a date between " + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_date_range");
        }
        if (due.getYear() < year) {
            throw new ValidationException("dueDate", "dueDate must fall in " + year + " or later", "campaign_error_due_date",
                    Integer.toString(year));
        }
        return due;
    }
}
