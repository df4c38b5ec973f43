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

        // Groups are published from the largest down, each only if it differs from every larger published one by
        // more than the minimum (a reader in the difference reads the groups without itself). The 7 of 624 and 62
        // across sizes (a to f and big) come first; the sixes (6244 across sizes, 624 in the band) and the band's
        // 6244 (a to e) are 1 or 2 away from them: withheld.
        // Minimum 3: 624410 across sizes (a, b, c, big) is 3 away from the 7, not more: withheld. The band's
        // 624410 (a, b, c) is 4 away: published, and it is what the search meets first.
        var three = PeerSelection.select("624410", 25, candidates, 3).orElseThrow();
        assertThat(three.naicsLevel()).isEqualTo(6);
        assertThat(three.sizeBand()).isEqualTo(SizeBand.SMALL);
        assertThat(three.peers()).containsExactlyInAnyOrder("a", "b", "c");

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
            var selection = groups.select(stated, 20, null).orElseThrow();
            assertThat(selection.peers()).as(stated).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        }
        // Stated in another size band the group is the same six, across sizes.
        assertThat(groups.select("624410", 300, null).orElseThrow().peers()).hasSize(6);
        // f itself reads the group without itself: five peers, still the minimum.
        assertThat(groups.select("624420", 20, "f").orElseThrow().peers()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
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
