package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormTest {

    @ParameterizedTest(name = "{0} \"{1}\" = {2}")
    @CsvSource(delimiter = '|', value = {
        // In French the comma is the decimal mark: "1,250" t is one and a quarter tonnes, never 1,250 t.
        "fr | 1,250      | 1.25",
        "fr | 1 234,5    | 1234.5",
        "fr | 12,5       | 12.5",
        "fr | 3.5        | 3.5",
        "en | 1,250      | 1250",
        "en | 1,234.5    | 1234.5",
        "en | 12,5       | 12.5",
        "en | 12.5       | 12.5",
    })
    void numbersAsTheLanguageWritesThem(String language, String typed, double expected) {
        assertThat(Form.of(Map.of("quantity", typed)).number("quantity", language)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"fr,douze", "en,1.2.3"})
    void notANumberNamesTheField(String language, String typed) {
        assertThatThrownBy(() -> Form.of(Map.of("quantity", typed)).number("quantity", language))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("quantity"));
    }
}
