package org.empreinte.activity.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.factor.FactorLibrary;

/** The registry on its own: which types exist with a library, in which order, and the CSV layout they give. */
class ActivityKindsTest {

    private static final FactorLibrary SHIPPED = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024", "useeio-1.3"));

    @Test
    void theLoggableTypesAreTheLibrarysThenThoseThatBorrowFactors() {
        ActivityKinds kinds = ActivityKinds.of(SHIPPED);
        // Factor types that only serve a kind (an electric car's kWh per km, home-working's energy per hour) are not types.
        assertThat(kinds.types()).doesNotContain("ev_electricity", "homeworking_energy")
                .endsWith("commuting", "homeworking").startsWith("electricity");
        assertThat(kinds.find("commuting")).containsInstanceOf(CommutingKind.class);
        assertThat(kinds.find("teleportation")).isEmpty();
    }

    @Test
    void aKindWhoseFactorsAreMissingIsNotOffered() {
        // Without DESNZ there is no car, so no commuting either, and no flight.
        ActivityKinds canadian = ActivityKinds.of(org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada")));
        assertThat(canadian.types()).contains("electricity", "natural_gas").doesNotContain("car", "commuting", "flight",
                "homeworking");
    }

    @Test
    void theCsvColumnsKeepThePublishedOrderAndANewKindAddsItsOwnAtTheEnd() {
        assertThat(ActivityKinds.of(SHIPPED).attributes()).extracting(Attribute::key).containsExactly("from", "to", "cabin",
                "roundTrip", "passengers", "fuel", "country", "naics", "material", "disposal", "kind", "mode", "employees",
                "days", "heating", "taxesIncluded", "flightFactors", "chargedKwh");
        ActivityKind withAttribute = new ActivityKind() {
            @Override
            public String type() {
                return "tap_water";
            }

            @Override
            public List<Attribute> attributes() {
                return List.of(Attribute.text("treatment"), Attribute.count("passengers"));
            }
        };
        assertThat(ActivityKinds.of(SHIPPED, withAttribute).attributes()).extracting(Attribute::key).endsWith("heating",
                "taxesIncluded", "flightFactors", "chargedKwh", "treatment");
    }

    @Test
    void twoKindsOfOneTypeAreRefused() {
        assertThatThrownBy(() -> ActivityKinds.of(SHIPPED, new SimpleKind("electricity", Group.ENERGY)))
                .hasMessageContaining("two kinds of type electricity");
    }
}
