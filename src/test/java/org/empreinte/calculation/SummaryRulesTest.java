package org.empreinte.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The summary's rules other than the year comparison: largest sources, the pictured count, the headline, reductions. */
class SummaryRulesTest {

    @Test
    void largestSourcesWithTheirShareOfThePositiveTotal() {
        Map<String, Double> byType = new LinkedHashMap<>();
        byType.put("electricity", 150.0);
        byType.put("natural_gas", 6200.0);
        byType.put("flight", 2500.0);
        byType.put("waste", 1150.0);
        byType.put("credit", -100.0);
        // Positive total 150 + 6,200 + 2,500 + 1,150 = 10,000: gas 62 %, flights 25 %, waste 11.5 % -> 12 %.
        List<LargestSources.Source> top = LargestSources.of(byType, 3);
        assertEquals(List.of("natural_gas", "flight", "waste"), top.stream().map(LargestSources.Source::category).toList());
        assertEquals(62, top.get(0).percent());
        assertEquals(25, top.get(1).percent());
        assertEquals(12, top.get(2).percent());
        assertEquals(0.62, top.get(0).share(), 1e-12);
    }

    @Test
    void tiesAreOrderedByName() {
        var top = LargestSources.of(Map.of("waste", 10.0, "car", 10.0), 3);
        assertEquals("car", top.get(0).category());
        assertTrue(LargestSources.of(Map.of("waste", 0.0), 3).isEmpty());
    }

    @Test
    void picturedAsACountRoundedAsSaid() {
        // 24,000 kg over 1,234.5 kg a trip = 19.44 -> 19.
        assertEquals(19, PicturedComparison.of(24000, 1234.5).count(), 0);
        // 3,000 / 1,234.5 = 2.430 -> 2.4, one decimal.
        PicturedComparison.Amount few = PicturedComparison.of(3000, 1234.5);
        assertEquals(2.4, few.count(), 1e-12);
        assertEquals(1, few.decimals());
        // 300 / 1,234.5 = 0.243 -> 24 % of one trip.
        assertEquals(24L, PicturedComparison.of(300, 1234.5).percentOfOne());
        // 2 kg / 1,234.5 = 0.16 % -> said as 1 %, never 0 %.
        assertEquals(1L, PicturedComparison.of(2, 1234.5).percentOfOne());
        assertNull(PicturedComparison.of(0, 1234.5));
    }

    @Test
    void theHeadlineNeverSaysZeroTonnes() {
        assertEquals(new Headline.Amount(24.53, "t", 2), Headline.of(24530));
        assertEquals(new Headline.Amount(1, "t", 2), Headline.of(1000));
        assertEquals(new Headline.Amount(412.6, "kg", 0), Headline.of(412.6));
        assertEquals(new Headline.Amount(5.1, "kg", 1), Headline.of(5.1));
        assertEquals(new Headline.Amount(0.35, "kg", 2), Headline.of(0.35));
    }

    @Test
    void aHeatPumpInsteadOfGas() {
        // 10,000 m3 x 11.18 kWh/m3 = 111,800 kWh of gas; / COP 2.5 = 44,720 kWh of electricity.
        List<Reductions.Change> changes = Reductions.forSource("natural_gas", 10000, "m3", Map.of(), 11.18);
        Reductions.Change heatPump = changes.get(0);
        assertEquals("heat_pump", heatPump.key());
        assertEquals(10000, heatPump.from().quantity(), 0);
        assertEquals("electricity", heatPump.to().type());
        assertEquals(44720, heatPump.to().quantity(), 1e-6);
        assertEquals("kWh", heatPump.to().unit());
        // And 10 % less gas: 9,000 m3.
        assertEquals("save_fuel", changes.get(1).key());
        assertEquals(9000, changes.get(1).to().quantity(), 1e-9);
        // Without the gas's energy, no heat pump, only the saving.
        assertEquals(List.of("save_fuel"), Reductions.forSource("natural_gas", 10000, "m3", Map.of(), null).stream()
                .map(Reductions.Change::key).toList());
    }

    @Test
    void wasteToCompostOrRecyclingAndFlightsToTrain() {
        var compost = Reductions.forSource("waste", 800, "kg", Map.of("material", "food", "disposal", "landfill"), null);
        assertEquals("composting", compost.get(0).key());
        assertEquals(Map.of("material", "food", "disposal", "composting"), compost.get(0).to().attributes());
        assertEquals(800, compost.get(0).to().quantity(), 0);
        assertTrue(Reductions.forSource("waste", 800, "kg", Map.of("material", "food", "disposal", "composting"), null).isEmpty());
        assertTrue(Reductions.forSource("waste", 800, "kg", Map.of("material", "mixed", "disposal", "landfill"), null).isEmpty());
        // Four passenger legs Québec–Toronto of 635 km: one leg of 635 km for 4 passengers, by plane then by train.
        Reductions.Change train = Reductions.trainInsteadOfPlane(635, 4);
        assertEquals(Map.of("passengers", "4"), train.from().attributes());
        assertEquals(635, train.to().quantity(), 0);
        assertEquals(Map.of("kind", "intercity", "passengers", "4"), train.to().attributes());
    }
}
