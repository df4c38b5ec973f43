package org.empreinte.calculation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which organizations an organization is compared with: the same sector and size, as precisely as
 * there are enough of them that none can be inferred.
 *
 * <ul>
 * <li>Size bands by full-time equivalents, Statistics Canada's and ISED's bands for small and medium
 * enterprises: under 10 (micro, including organizations run by volunteers with 0 FTE), 10 to under 50
 * (small), 50 to under 250 (medium), 250 and more (large).</li>
 * <li>Sector: the NAICS (SCIAN) code at its most precise level first, then 5, 4, 3 and 2 digits, until at
 * least the minimum number of peers of the same size band share the prefix. At 2 digits the sectors that
 * NAICS spans over several codes count as one: 31-33 (manufacturing), 44-45 (retail), 48-49
 * (transportation and warehousing). A peer whose code is less precise than the level is not a peer at
 * that level: it may belong to another subsector.</li>
 * <li>The size band is relaxed, and only then, when even the 2-digit sector has too few peers in the
 * band: the same levels are then tried again across every size.</li>
 * <li>Suppression: with fewer peers than the minimum at every level, nothing is shown, so that no single
 * peer's figure can be worked out from a median or a rank.</li>
 * <li>Complementary suppression: a group that differs from a larger published one by no more than the minimum
 * is withheld (one more than the minimum, since a reader in the difference reads the groups without itself), and asking for it gives the next level instead: changing one's own sector or size then
 * never yields two groups whose difference is one or two organizations.</li>
 * </ul>
 *
 * <p>A group holds every candidate of its sector and band; the compared organization reads it without itself,
 * so that what it reads never moves with its own figure.
 */
public final class PeerSelection {

    public enum SizeBand {
        MICRO("1-9", 0, 10), SMALL("10-49", 10, 50), MEDIUM("50-249", 50, 250), LARGE("250+", 250, Double.POSITIVE_INFINITY);

        private final String label;
        private final double from;
        private final double below;

        SizeBand(String label, double from, double below) {
            this.label = label;
            this.from = from;
            this.below = below;
        }

        public String label() {
            return label;
        }

        public static SizeBand of(double fte) {
            for (SizeBand band : values()) {
                if (fte >= band.from && fte < band.below) {
                    return band;
                }
            }
            // Negative or not a number: the profile refuses both, so this is a programming error.
            throw new IllegalArgumentException("FTE must be a number >= 0: " + fte);
        }
    }

    /** An organization that may be a peer: {@code key} identifies it to the caller. */
    public record Candidate<K>(K key, String naics, double fte) {
    }

    /**
     * The peers found.
     *
     * @param sizeBand the band compared within, or null when it had to be relaxed
     */
    public record Selection<K>(int naicsLevel, String naicsPrefix, SizeBand sizeBand, List<K> peers) {
    }

    private PeerSelection() {
    }

    /** True when {@code peers} are too few to show anything computed from them. */
    public static boolean suppressed(int peers, int minimumPeers) {
        return peers < minimumPeers;
    }

    /** A group one may be compared with: a sector level, within a size band or across all (band null). */
    public record Group(int level, String prefix, SizeBand band) {
    }

    /**
     * Every group the candidates form, and those that may be published ({@link Disclosure#publishable}): since
     * anyone may state any sector and size, every group is one a requester can obtain, so no two published
     * groups differ by 1 to {@code minimumPeers} organizations (a reader in the difference reads the groups without
     * itself). Built once per set of submissions.
     */
    public static final class Groups<K> {

        private final Map<Group, Set<K>> members;
        private final Set<Group> published;
        private final int minimumPeers;

        private Groups(Map<Group, Set<K>> members, Set<Group> published, int minimumPeers) {
            this.members = members;
            this.published = published;
            this.minimumPeers = minimumPeers;
        }

        /**
         * The group an organization of sector {@code naics} and {@code fte} is compared with: its size band first,
         * from its most precise sector level to 2 digits, then across all sizes likewise; the first group
         * published with at least the minimum of peers besides {@code self} wins; {@code self} (null for none) is
         * never its own peer, so that moving its own figure moves nothing it reads. Empty when no group is
         * published: the benchmark is then suppressed.
         */
        public Optional<Selection<K>> select(String naics, double fte, K self) {
            SizeBand band = SizeBand.of(fte);
            for (SizeBand within : new SizeBand[] {band, null}) {
                for (int level = Math.min(6, naics.length()); level >= 2; level--) {
                    Group group = new Group(level, sectorKey(naics, level), within);
                    if (published.contains(group)) {
                        List<K> peers = members.get(group).stream().filter(k -> !k.equals(self)).toList();
                        if (!suppressed(peers.size(), minimumPeers)) {
                            return Optional.of(new Selection<>(level, group.prefix(), within, peers));
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The groups of {@code candidates} (each at most once), withholding those that would isolate someone. */
    public static <K> Groups<K> groups(List<Candidate<K>> candidates, int minimumPeers) {
        if (minimumPeers < 1) {
            throw new IllegalArgumentException("the minimum number of peers must be at least 1");
        }
        Map<Group, Set<K>> members = new LinkedHashMap<>();
        for (Candidate<K> candidate : candidates) {
            SizeBand band = SizeBand.of(candidate.fte());
            for (int level = Math.min(6, candidate.naics().length()); level >= 2; level--) {
                String prefix = sectorKey(candidate.naics(), level);
                members.computeIfAbsent(new Group(level, prefix, band), g -> new LinkedHashSet<>()).add(candidate.key());
                members.computeIfAbsent(new Group(level, prefix, null), g -> new LinkedHashSet<>()).add(candidate.key());
            }
        }
        // Differences of one more than the minimum: a reader in the difference is left out of what it reads.
        return new Groups<>(members, Disclosure.publishable(members, minimumPeers, minimumPeers + 1), minimumPeers);
    }

    /**
     * The peers of an organization of sector {@code naics} and {@code fte} among {@code candidates}: the group
     * {@link Groups#select} finds among all the candidates' groups.
     */
    public static <K> Optional<Selection<K>> select(String naics, double fte, List<Candidate<K>> candidates, int minimumPeers) {
        return groups(candidates, minimumPeers).select(naics, fte, null);
    }

    /** The first {@code level} digits of a NAICS code; at 2 digits the sectors NAICS spans over several codes as one. */
    static String sectorKey(String naics, int level) {
        String prefix = naics.substring(0, level);
        if (level == 2) {
            return switch (prefix) {
                case "31", "32", "33" -> "31-33";
                case "44", "45" -> "44-45";
                case "48", "49" -> "48-49";
                default -> prefix;
            };
        }
        return prefix;
    }
}
