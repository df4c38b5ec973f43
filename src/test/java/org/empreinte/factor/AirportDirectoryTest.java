package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Flights.Airport;
import org.empreinte.web.ValidationException;

class AirportDirectoryTest {

    private static final AirportDirectory AIRPORTS = AirportDirectory.load(Path.of("emission-factors", AirportDirectory.FILE));

    private static String resolve(String text) {
        return AIRPORTS.resolve(text, "attributes.from").iata();
    }

    @Test
    void codesWorkAsTheyAlwaysDid() {
        assertThat(resolve("YUL")).isEqualTo("YUL");
        assertThat(resolve(" cdg ")).isEqualTo("CDG");
    }

    @Test
    void aCityWithOneMainAirportIsThatAirportWhateverItsAccentsAndCase() {
        // Montréal has YUL (large, scheduled), Saint-Hubert (YHU, medium, scheduled) and Mirabel (YMX, medium).
        assertThat(resolve("Montréal")).isEqualTo("YUL");
        assertThat(resolve("montreal")).isEqualTo("YUL");
        assertThat(resolve("MONTRÉAL")).isEqualTo("YUL");
        assertThat(resolve("Québec")).isEqualTo("YQB");
        assertThat(resolve("Toronto")).isEqualTo("YYZ");
        // One airport, medium, without scheduled service: still the only one.
        assertThat(resolve("Sherbrooke")).isEqualTo("YSC");
    }

    @Test
    void aCityWithSeveralMainAirportsIsRefusedWithThem() {
        assertThatThrownBy(() -> resolve("Paris")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("CDG").hasMessageContaining("ORY").hasMessageNotContaining("LBG")
                .satisfies(e -> {
                    ValidationException refusal = (ValidationException) e;
                    assertThat(refusal.field()).isEqualTo("attributes.from");
                    assertThat(refusal.messageKey()).isEqualTo("error_airport_ambiguous");
                });
        assertThatThrownBy(() -> resolve("London")).hasMessageContaining("LHR").hasMessageContaining("LGW")
                .hasMessageNotContaining("YXU");
    }

    @Test
    void anUnknownNameIsRefusedWithWhatItMayHaveMeant() {
        assertThatThrownBy(() -> resolve("Montrea")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("YUL").extracting(e -> ((ValidationException) e).messageKey())
                .isEqualTo("error_airport_suggest");
        assertThatThrownBy(() -> resolve("Atlantide")).extracting(e -> ((ValidationException) e).messageKey())
                .isEqualTo("error_airport_unknown");
        assertThatThrownBy(() -> resolve("ZZZ")).extracting(e -> ((ValidationException) e).messageKey())
                .isEqualTo("error_airport");
    }

    @Test
    void suggestionsStillFindCities() {
        assertThat(AIRPORTS.search("montreal", 10)).extracting(Airport::iata).contains("YUL");
    }
}
