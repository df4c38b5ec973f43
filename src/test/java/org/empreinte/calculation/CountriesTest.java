package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void aCountryByItsCodeOrItsNameInFrenchOrEnglish() {
        assertThat(Countries.code("DE")).contains("DE");
        assertThat(Countries.code("de")).contains("DE");
        assertThat(Countries.code("DEU")).contains("DE");
        assertThat(Countries.code("Allemagne")).contains("DE");
        assertThat(Countries.code("germany")).contains("DE");
        assertThat(Countries.code("États-Unis")).contains("US");
        assertThat(Countries.code("etats unis")).contains("US");
        assertThat(Countries.code("United States")).contains("US");
        assertThat(Countries.code("Royaume-Uni")).contains("GB");
        assertThat(Countries.code("Mexique")).contains("MX");
        assertThat(Countries.code(" canada ")).contains("CA");
    }

    @Test
    void whatNamesNoCountryIsEmpty() {
        assertThat(Countries.code("Narnia")).isEmpty();
        assertThat(Countries.code("")).isEmpty();
        assertThat(Countries.code(null)).isEmpty();
        assertThat(Countries.code("CA-QC")).isEmpty();
    }
}
