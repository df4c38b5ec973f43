package org.empreinte.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.empreinte.calculation.Disclosure;
import org.empreinte.calculation.PeerSelection;
import org.empreinte.calculation.Period;
import org.empreinte.inventory.InventoryService;
import org.empreinte.inventory.SubmittedFigures;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationDao;

/**
 * An organization's intensity against similar organizations. Only submitted inventories count, of organizations
 * that share at least their aggregate with some network and have FTE above 0; groups and their published
 * figures follow {@link PeerSelection} and {@link Disclosure}. The groups of a year are built once per set of
 * submissions and sharing choices, not at each request: what one reads changes only when a submission or a
 * consent does, and moving one's own live figures moves nothing.
 */
public class BenchmarkService {

    /** The groups of a year and the submitted figures they were built from. */
    private record YearGroups(PeerSelection.Groups<Long> groups, Map<Long, SubmittedFigures> figures) {
    }

    private record Key(int year, long submissions, NetworkDao.SharingMark sharing) {
    }

    private final NetworkDao dao;
    private final OrganizationDao organizations;
    private final InventoryService inventories;
    private final Disclosure.Rules rules;
    private final Cache<Key, YearGroups> built = Caffeine.newBuilder().maximumSize(20).expireAfterAccess(Duration.ofHours(1)).build();

    public BenchmarkService(Jdbi jdbi, InventoryService inventories, Disclosure.Rules rules) {
        this.dao = jdbi.onDemand(NetworkDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.inventories = inventories;
        this.rules = rules;
    }

    public Disclosure.Rules rules() {
        return rules;
    }

    public Benchmark benchmark(long organizationId, Period period) {
        Organization organization = organizations.require(organizationId);
        int year = period.start().getYear();
        Key key = new Key(year, inventories.yearMark(year), dao.sharingMark());
        YearGroups groups = built.get(key, k -> build(year));
        SubmittedFigures own = groups.figures().containsKey(organizationId) ? groups.figures().get(organizationId)
                : inventories.submitted(year, List.of(organizationId)).get(organizationId);
        // The group follows what the organization says it is now; its own figures, what it submitted.
        double fte = own != null && own.employees() != null ? own.employees() : organization.employees();
        Optional<PeerSelection.Selection<Long>> found = groups.groups().select(organization.sector(), fte, organizationId);
        if (found.isEmpty()) {
            return Benchmark.suppressedOne();
        }
        PeerSelection.Selection<Long> selection = found.get();
        List<Double> perFte = new ArrayList<>();
        List<Double> perMillion = new ArrayList<>();
        for (long peer : selection.peers()) {
            SubmittedFigures figures = groups.figures().get(peer);
            perFte.add(figures.totalCo2eKg() / figures.employees());
            Double million = perMillion(figures);
            if (million != null) {
                perMillion.add(million);
            }
        }
        // The group passed the threshold: its spread exists.
        Disclosure.Spread spread = Disclosure.spread(perFte, rules.peerThreshold(), rules.quartileThreshold()).orElseThrow();
        Double ownFte = own == null || own.employees() == null || !(own.employees() > 0) ? null
                : own.totalCo2eKg() / own.employees();
        Disclosure.Position position = ownFte == null ? null : Disclosure.position(ownFte, spread);

        Benchmark.Revenue revenue = Disclosure.spread(perMillion, rules.peerThreshold(), rules.quartileThreshold())
                .map(s -> {
                    Double ownMillion = perMillion(own);
                    Disclosure.Position p = ownMillion == null ? null : Disclosure.position(ownMillion, s);
                    return new Benchmark.Revenue(s.count(), ownMillion, key(p), percentile(p, s), s.median(),
                            s.lowerQuartile(), s.upperQuartile());
                }).orElse(null);
        return new Benchmark(false, organizationId, year, selection.peers().size(), selection.naicsLevel(),
                selection.naicsPrefix(), selection.sizeBand() == null ? null : selection.sizeBand().label(),
                selection.sizeBand() == null, own != null, own == null ? null : own.totalCo2eKg(), ownFte, key(position),
                percentile(position, spread), spread.median(), spread.lowerQuartile(), spread.upperQuartile(), revenue);
    }

    private YearGroups build(int year) {
        Map<Long, SubmittedFigures> figures = inventories.submitted(year, dao.sharingOrganizations());
        List<PeerSelection.Candidate<Long>> candidates = new ArrayList<>();
        figures.values().removeIf(f -> f.employees() == null || !(f.employees() > 0));
        for (SubmittedFigures f : figures.values()) {
            candidates.add(new PeerSelection.Candidate<>(f.organizationId(), f.sector(), f.employees()));
        }
        return new YearGroups(PeerSelection.groups(candidates, rules.peerThreshold()), figures);
    }

    private static Double perMillion(SubmittedFigures figures) {
        return figures == null || figures.revenueCad() == null || !(figures.revenueCad() > 0) ? null
                : figures.totalCo2eKg() / (figures.revenueCad() / 1_000_000);
    }

    private static String key(Disclosure.Position position) {
        return position == null ? null : position.name().toLowerCase(Locale.ROOT);
    }

    /** The middle of the band the position names, so that the API's percentile says no more than the position. */
    static Double percentile(Disclosure.Position position, Disclosure.Spread spread) {
        if (position == null) {
            return null;
        }
        boolean quartiles = spread.lowerQuartile() != null;
        return switch (position) {
            case LOWEST_QUARTER -> 12.5;
            case BELOW_MEDIAN -> quartiles ? 37.5 : 25.0;
            case AT_MEDIAN -> 50.0;
            case ABOVE_MEDIAN -> quartiles ? 62.5 : 75.0;
            case HIGHEST_QUARTER -> 87.5;
        };
    }
}
