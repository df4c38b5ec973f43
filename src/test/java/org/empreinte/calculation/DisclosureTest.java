package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Disclosure.Figure;
import org.empreinte.calculation.Disclosure.Position;
import org.empreinte.calculation.Disclosure.Reason;
import org.empreinte.calculation.Disclosure.Spread;

class DisclosureTest {

    @Test
    void roundsToSignificantFiguresAsByHand() {
        assertThat(Disclosure.round(123_456, 3)).isEqualTo(123_000);
        assertThat(Disclosure.round(123_500, 3)).isEqualTo(124_000);
        assertThat(Disclosure.round(0.004_349, 2)).isEqualTo(0.004_3);
        assertThat(Disclosure.round(2.45, 2)).as("halves away from zero").isEqualTo(2.5);
        assertThat(Disclosure.round(-2.45, 2)).isEqualTo(-2.5);
        assertThat(Disclosure.round(0, 3)).isZero();
        assertThat(Disclosure.round(99_960, 3)).isEqualTo(100_000);
    }

    @Test
    void aTotalNeedsTheThreshold() {
        Figure two = Disclosure.total(Map.of("a", 10.0, "b", 10.0), 3, 0.7);
        assertThat(two.shown()).isFalse();
        assertThat(two.hidden()).isEqualTo(Reason.TOO_FEW);
        assertThat(two.contributors()).isEqualTo(2);
        assertThat(two.value()).isNull();

        Figure three = Disclosure.total(Map.of("a", 10_004.0, "b", 10_000.0, "c", 10_000.0), 3, 0.7);
        assertThat(three.shown()).isTrue();
        assertThat(three.value()).as("30,004 to 3 significant figures").isEqualTo(30_000);
    }

    @Test
    void aContributorAbove70PercentHidesTheTotalAndOneBelowDoesNot() {
        // 71 of 100: more than 70 %.
        Figure dominated = Disclosure.total(Map.of("a", 71.0, "b", 10.0, "c", 10.0, "d", 9.0), 3, 0.7);
        assertThat(dominated.hidden()).isEqualTo(Reason.DOMINATED);
        // 69 of 100.
        Figure shared = Disclosure.total(Map.of("a", 69.0, "b", 11.0, "c", 10.0, "d", 10.0), 3, 0.7);
        assertThat(shared.shown()).isTrue();
        assertThat(shared.value()).isEqualTo(100);
        assertThat(Disclosure.dominated(List.of(70.0, 30.0), 0.7)).as("exactly 70 % is not more than 70 %").isFalse();
    }

    @Test
    void aBreakdownHidesASecondCellWhenTheFirstCouldBeWorkedOutFromTheTotal() {
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        cells.put("1", Map.of("a", 500.0, "b", 400.0, "c", 300.0));
        cells.put("2", Map.of("a", 50.0)); // one contributor: hidden
        cells.put("3", Map.of("a", 900.0, "b", 800.0, "c", 20.0, "d", 30.0));
        Map<String, Figure> figures = Disclosure.breakdown(cells, 3, 0.7, true);
        assertThat(figures.get("2").hidden()).isEqualTo(Reason.TOO_FEW);
        // Scope 1 (1,200) is smaller than scope 3 (1,750): hidden with scope 2, the remainder then holds a, b and c.
        assertThat(figures.get("1").hidden()).isEqualTo(Reason.COMPLEMENTARY);
        assertThat(figures.get("3").value()).isEqualTo(1_750);
        assertThat(figures.keySet()).containsExactly("1", "2", "3");

        // Without a published total, nothing can be subtracted: the one hidden cell is enough.
        Map<String, Figure> alone = Disclosure.breakdown(cells, 3, 0.7, false);
        assertThat(alone.get("1").value()).isEqualTo(1_200);
    }

    @Test
    void aRemainderThatPassesTheRulesNeedsNoSecondSuppression() {
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        cells.put("x", Map.of("a", 10.0, "b", 10.0)); // two: hidden
        cells.put("y", Map.of("c", 10.0, "d", 10.0)); // two: hidden; together a, b, c and d, none dominant
        cells.put("z", Map.of("a", 100.0, "b", 100.0, "c", 100.0));
        Map<String, Figure> figures = Disclosure.breakdown(cells, 3, 0.7, true);
        assertThat(figures.get("x").shown()).isFalse();
        assertThat(figures.get("y").shown()).isFalse();
        assertThat(figures.get("z").value()).isEqualTo(300);
    }

    @Test
    void aSpreadRoundsItsMedianAndShowsQuartilesOnlyFromTen() {
        assertThat(Disclosure.spread(List.of(1.0, 2.0, 3.0, 4.0), 5, 10)).isEmpty();
        Spread five = Disclosure.spread(List.of(1.234, 2.345, 3.456, 4.567, 5.678), 5, 10).orElseThrow();
        assertThat(five.count()).isEqualTo(5);
        assertThat(five.median()).as("3.456 to 2 significant figures").isEqualTo(3.5);
        assertThat(five.lowerQuartile()).isNull();
        assertThat(five.upperQuartile()).isNull();

        List<Double> ten = List.of(11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0);
        Spread spread = Disclosure.spread(ten, 5, 10).orElseThrow();
        // Type 7: h = 9 x 0.25 = 2.25, 13 + 0.25 = 13.25 -> 13; median 15.5 -> 16 (halves away from zero); 17.75 -> 18.
        assertThat(spread.lowerQuartile()).isEqualTo(13);
        assertThat(spread.median()).isEqualTo(16);
        assertThat(spread.upperQuartile()).isEqualTo(18);
    }

    @Test
    void ownPositionIsReadAgainstThePublishedFiguresOnly() {
        Spread withQuartiles = new Spread(12, 16, 13.0, 18.0);
        assertThat(Disclosure.position(12.4, withQuartiles)).isEqualTo(Position.LOWEST_QUARTER);
        assertThat(Disclosure.position(12.9, withQuartiles)).as("12.9 reads as 13: on the quartile, not below").isEqualTo(Position.BELOW_MEDIAN);
        assertThat(Disclosure.position(13.04, withQuartiles)).as("13.04 reads as 13, not below 13").isEqualTo(Position.BELOW_MEDIAN);
        assertThat(Disclosure.position(15.96, withQuartiles)).isEqualTo(Position.AT_MEDIAN);
        assertThat(Disclosure.position(17, withQuartiles)).isEqualTo(Position.ABOVE_MEDIAN);
        assertThat(Disclosure.position(18.6, withQuartiles)).isEqualTo(Position.HIGHEST_QUARTER);

        Spread medianOnly = new Spread(5, 3.5, null, null);
        assertThat(Disclosure.position(0.1, medianOnly)).isEqualTo(Position.BELOW_MEDIAN);
        assertThat(Disclosure.position(100, medianOnly)).isEqualTo(Position.ABOVE_MEDIAN);
    }

    @Test
    void aFivePeerLevelInsideASixPeerLevelIsMergedWithIt() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("5611", Set.of("a", "b", "c", "d", "e"));
        groups.put("561", Set.of("a", "b", "c", "d", "e", "f"));
        groups.put("56", Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
        Set<String> published = Disclosure.publishable(groups, 5);
        // 561 and 5611 differ by f alone: the smaller is withheld, asking for it gives 561.
        // 56 and 561 differ by 5 (g to k): both may be shown.
        assertThat(published).containsExactlyInAnyOrder("561", "56");
    }

    @Test
    void groupsWithTheSameMembersOrFarApartAreAllPublished() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("micro 5611", Set.of("a", "b", "c", "d", "e"));
        groups.put("all sizes 5611", Set.of("a", "b", "c", "d", "e"));
        groups.put("all sizes 6244", Set.of("p", "q", "r", "s", "t"));
        groups.put("too small", Set.of("x", "y", "z", "w"));
        assertThat(Disclosure.publishable(groups, 5))
                .containsExactlyInAnyOrder("micro 5611", "all sizes 5611", "all sizes 6244");
    }

    @Test
    void overlappingGroupsThatAreNotNestedCountTheirDifferenceBothWays() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("big", Set.of("a", "b", "c", "d", "e", "f", "g"));
        // Differs from big by h (in it) and f, g (not in it): 3 < 5.
        groups.put("shifted", Set.of("a", "b", "c", "d", "e", "h"));
        assertThat(Disclosure.publishable(groups, 5)).containsExactly("big");
    }

    @Test
    void rulesRefuseParametersThatWouldShowOneOrganization() {
        assertThatThrownBy(() -> new Disclosure.Rules(1, 3, 0.7, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disclosure.Rules(5, 3, 1.0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disclosure.Rules(5, 3, 0.7, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Disclosure.Rules.DEFAULTS.peerThreshold()).isEqualTo(5);
    }
}
