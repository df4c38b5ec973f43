package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.PeerSelection.Candidate;
import org.empreinte.calculation.PeerSelection.SizeBand;

/** Size bands, the NAICS fallback from 6 digits to 2, relaxing the size band last, suppression and merged levels. */
class PeerSelectionTest {

    @Test
    void sizeBandsByFullTimeEquivalents() {
        assertThat(SizeBand.of(0)).isEqualTo(SizeBand.MICRO);
        assertThat(SizeBand.of(9.9)).isEqualTo(SizeBand.MICRO);
        assertThat(SizeBand.of(10)).isEqualTo(SizeBand.SMALL);
        assertThat(SizeBand.of(49.5)).isEqualTo(SizeBand.SMALL);
        assertThat(SizeBand.of(50)).isEqualTo(SizeBand.MEDIUM);
        assertThat(SizeBand.of(249)).isEqualTo(SizeBand.MEDIUM);
        assertThat(SizeBand.of(250)).isEqualTo(SizeBand.LARGE);
        assertThat(SizeBand.LARGE.label()).isEqualTo("250+");
    }

    @Test
    void usesTheMostPreciseSectorLevelWithEnoughPeers() {
        List<Candidate<String>> candidates = new ArrayList<>();
        // Three at 6 digits (624410, childcare), two more sharing only 4 digits (6244), one at 3 (624).
        candidates.add(new Candidate<>("a", "624410", 20));
        candidates.add(new Candidate<>("b", "624410", 30));
        candidates.add(new Candidate<>("c", "624410", 12));
        candidates.add(new Candidate<>("d", "6244", 15));
        candidates.add(new Candidate<>("e", "624420", 40));
        candidates.add(new Candidate<>("f", "624110", 25));
        // Same sector, other size band: not a peer while the band holds.
        candidates.add(new Candidate<>("big", "624410", 300));

        // Every group holds "big" across all sizes, so a band's group that lacks only it (or it and one more)
        // is withheld for a larger one: the 7 of 624 and 62 across sizes are published first; then 6244 in the
        // band (a to e) differs from them by f and big, 2 organizations.
        // Minimum 3: 624410 across sizes (a, b, c, big) differs from the 7 by d, e and f: published, and the
        // band's 624410 (a, b, c), one away from it, is withheld. The band has no published level left.
        var three = PeerSelection.select("624410", 25, candidates, 3).orElseThrow();
        assertThat(three.naicsLevel()).isEqualTo(6);
        assertThat(three.sizeBand()).isNull();
        assertThat(three.peers()).containsExactlyInAnyOrder("a", "b", "c", "big");

        // Minimum 5: 6 and 5 digits across sizes have 4; 6244 across sizes (6) is one away from the 7; 624 has 7.
        var five = PeerSelection.select("624410", 25, candidates, 5).orElseThrow();
        assertThat(five.naicsLevel()).isEqualTo(3);
        assertThat(five.naicsPrefix()).isEqualTo("624");
        assertThat(five.sizeBand()).isNull();
        assertThat(five.peers()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "big");

        assertThat(PeerSelection.select("624410", 25, candidates, 7).orElseThrow().peers()).hasSize(7);
        // Minimum 8: suppressed.
        assertThat(PeerSelection.select("624410", 25, candidates, 8)).isEmpty();
    }

    @Test
    void aFivePeerSectorInsideASixPeerOneGivesTheSixWhicheverCodeIsStated() {
        List<Candidate<String>> candidates = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d", "e")) {
            candidates.add(new Candidate<>(key, "624410", 20));
        }
        candidates.add(new Candidate<>("f", "624420", 20));
        var groups = PeerSelection.groups(candidates, 5);
        // Stated as 624410, 624420 or 6244, the answer is the same six: no difference isolates f.
        for (String stated : List.of("624410", "624420", "6244", "624")) {
            var selection = groups.select(stated, 20).orElseThrow();
            assertThat(selection.peers()).as(stated).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        }
        // Stated in another size band the group is the same six, across sizes.
        assertThat(groups.select("624410", 300).orElseThrow().peers()).hasSize(6);
    }

    @Test
    void manufacturingIsOneSectorAtTwoDigits() {
        List<Candidate<Integer>> candidates = List.of(new Candidate<>(1, "311", 5), new Candidate<>(2, "321", 5),
                new Candidate<>(3, "336", 5), new Candidate<>(4, "44", 5));
        var selection = PeerSelection.select("332", 5, candidates, 3).orElseThrow();
        assertThat(selection.naicsLevel()).isEqualTo(2);
        assertThat(selection.naicsPrefix()).isEqualTo("31-33");
        assertThat(selection.peers()).containsExactly(1, 2, 3);
    }

    @Test
    void suppressedBelowTheMinimumNotAtIt() {
        assertThat(PeerSelection.suppressed(4, 5)).isTrue();
        assertThat(PeerSelection.suppressed(5, 5)).isFalse();
    }
}
