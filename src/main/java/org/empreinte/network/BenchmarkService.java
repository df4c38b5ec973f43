package org.empreinte.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.calculation.Distribution;
import org.empreinte.calculation.PeerSelection;
import org.empreinte.calculation.Period;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationDao;

/**
 * An organization's intensity against peers of its sector and size. Peers are the organizations that
 * share at least their aggregate with some network and reported the year (activities in it) with a
 * number of FTE above 0; the organization itself is never its own peer. With fewer peers than the
 * configured minimum, everything is suppressed (see {@link PeerSelection}).
 */
public class BenchmarkService {

    private final NetworkDao dao;
    private final OrganizationDao organizations;
    private final int minimumPeers;

    public BenchmarkService(Jdbi jdbi, int minimumPeers) {
        this.dao = jdbi.onDemand(NetworkDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.minimumPeers = minimumPeers;
    }

    public int minimumPeers() {
        return minimumPeers;
    }

    public Benchmark benchmark(long organizationId, Period period) {
        Organization organization = organizations.require(organizationId);
        int year = period.start().getYear();
        Map<Long, Double> totals = new HashMap<>();
        dao.peerTotals(organizationId, period.start().toEpochDay(), period.end().toEpochDay())
                .forEach(t -> totals.put(t.organizationId(), t.co2eKg()));
        Map<Long, NetworkDao.Figures> figures = new HashMap<>();
        NetworkDao.Figures own = null;
        List<PeerSelection.Candidate<Long>> candidates = new ArrayList<>();
        for (NetworkDao.Figures f : dao.peerFigures(organizationId, year)) {
            figures.put(f.organizationId(), f);
            if (f.organizationId() == organizationId) {
                own = f;
            } else if (totals.containsKey(f.organizationId()) && f.employees() > 0) {
                candidates.add(new PeerSelection.Candidate<>(f.organizationId(), f.sector(), f.employees()));
            }
        }
        double fte = own == null ? organization.employees() : own.employees();
        Optional<PeerSelection.Selection<Long>> found = PeerSelection.select(organization.sector(), fte, candidates, minimumPeers);
        if (found.isEmpty()) {
            return Benchmark.suppressedOne();
        }
        PeerSelection.Selection<Long> selection = found.get();

        List<Double> perFte = new ArrayList<>();
        List<Double> perMillion = new ArrayList<>();
        for (long peer : selection.peers()) {
            double total = totals.get(peer);
            perFte.add(NetworkService.perFte(total, figures.get(peer)));
            Double million = NetworkService.perMillionCad(total, figures.get(peer));
            if (million != null) {
                perMillion.add(million);
            }
        }
        Double ownTotal = totals.get(organizationId);
        Double ownFte = ownTotal == null ? null : NetworkService.perFte(ownTotal, own);
        Double ownMillion = ownTotal == null ? null : NetworkService.perMillionCad(ownTotal, own);
        Distribution.Summary fteSummary = Distribution.summarize(perFte);

        Benchmark.Revenue revenue = null;
        // Revenue is known for fewer peers: the same rule applies to them on their own.
        if (!PeerSelection.suppressed(perMillion.size(), minimumPeers)) {
            Distribution.Summary summary = Distribution.summarize(perMillion);
            revenue = new Benchmark.Revenue(perMillion.size(), ownMillion,
                    ownMillion == null ? null : Distribution.percentileRank(ownMillion, perMillion), summary.median(),
                    summary.lowerQuartile(), summary.upperQuartile());
        }
        return new Benchmark(false, organizationId, year, selection.peers().size(), selection.naicsLevel(),
                selection.naicsPrefix(), selection.sizeBand() == null ? null : selection.sizeBand().label(),
                selection.sizeBand() == null, ownTotal != null, ownTotal, ownFte,
                ownFte == null ? null : Distribution.percentileRank(ownFte, perFte), fteSummary.median(),
                fteSummary.lowerQuartile(), fteSummary.upperQuartile(), revenue);
    }
}
