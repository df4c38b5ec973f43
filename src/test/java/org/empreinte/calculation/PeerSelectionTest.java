package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.PeerSelection.Candidate;
import org.empreinte.calculation.PeerSelection.SizeBand;

/** Size bands, the NAICS fallback from 6 digits to 2, relaxing the size band last, and suppression. */
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

        // Minimum 3: the 6-digit level has a, b, c.
        var six = PeerSelection.select("624410", 25, candidates, 3).orElseThrow();
        assertThat(six.naicsLevel()).isEqualTo(6);
        assertThat(six.sizeBand()).isEqualTo(SizeBand.SMALL);
        assertThat(six.peers()).containsExactly("a", "b", "c");

        // Minimum 5: 6 and 5 digits have 3 ("6244" is too coarse for them), 4 digits has a, b, c, d, e.
        var four = PeerSelection.select("624410", 25, candidates, 5).orElseThrow();
        assertThat(four.naicsLevel()).isEqualTo(4);
        assertThat(four.naicsPrefix()).isEqualTo("6244");
        assertThat(four.peers()).containsExactly("a", "b", "c", "d", "e");

        // Minimum 7: even 2 digits has only six of the band; relaxed, 6 digits has four, 5 four, 4 six, 3 seven.
        var relaxed = PeerSelection.select("624410", 25, candidates, 7).orElseThrow();
        assertThat(relaxed.sizeBand()).isNull();
        assertThat(relaxed.naicsLevel()).isEqualTo(3);
        assertThat(relaxed.peers()).hasSize(7);

        // Minimum 8: suppressed.
        assertThat(PeerSelection.select("624410", 25, candidates, 8)).isEmpty();
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
