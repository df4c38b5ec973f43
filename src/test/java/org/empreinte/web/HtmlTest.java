package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveReservedCharacters() {
        assertThat(Html.escape(SvgLabels.LABEL)).isEqualTo(SvgLabels.ESCAPED);
        assertThat(Html.escape("&amp;")).as("an entity already written is text like any other").isEqualTo("&amp;amp;");
    }

    @Test
    void leavesOtherTextAsItIs() {
        assertThat(Html.escape("Émissions : 1 234,5 kg CO₂e — scope 2")).isEqualTo("Émissions : 1 234,5 kg CO₂e — scope 2");
        assertThat(Html.escape("")).isEmpty();
    }

    @Test
    void drawsNothingForAnAbsentLabel() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
