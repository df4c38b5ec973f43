package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * </ul>
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

    /**
     * The peers of an organization of sector {@code naics} and {@code fte} among {@code candidates} (which
     * must not hold the organization itself); empty when even the relaxed search finds fewer than
     * {@code minimumPeers}: the benchmark is then suppressed.
     */
    public static <K> Optional<Selection<K>> select(String naics, double fte, List<Candidate<K>> candidates, int minimumPeers) {
        if (minimumPeers < 1) {
            throw new IllegalArgumentException("the minimum number of peers must be at least 1");
        }
        SizeBand band = SizeBand.of(fte);
        for (SizeBand within : new SizeBand[] {band, null}) {
            for (int level = Math.min(6, naics.length()); level >= 2; level--) {
                String prefix = sectorKey(naics, level);
                List<K> peers = new ArrayList<>();
                for (Candidate<K> candidate : candidates) {
                    boolean sameSector = candidate.naics().length() >= level && sectorKey(candidate.naics(), level).equals(prefix);
                    if (sameSector && (within == null || SizeBand.of(candidate.fte()) == within)) {
                        peers.add(candidate.key());
                    }
                }
                if (!suppressed(peers.size(), minimumPeers)) {
                    return Optional.of(new Selection<>(level, prefix, within, List.copyOf(peers)));
                }
            }
        }
        return Optional.empty();
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
