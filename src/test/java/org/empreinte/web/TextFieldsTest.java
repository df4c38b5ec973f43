package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFieldsTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0008", "000B", "000C", "001B", "001F", "007F", "0080", "0085", "009F",
        "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void refusesControlCharactersAndBidirectionalOverridesInAnyText(String hex) {
        String text = "Coop " + (char) Integer.parseInt(hex, 16) + "Verte";
        for (boolean multiLine : new boolean[] {false, true}) {
            assertThatThrownBy(() -> check(text, multiLine))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.field()).isEqualTo("name");
                        assertThat(e.getMessage()).isEqualTo("name: control characters are not allowed (U+" + hex
                                + " at character 6)");
                        assertThat(e.messageKey()).isEqualTo("error_control_characters");
                    });
        }
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000A", "000D", "2028", "2029"})
    void aLineRefusesLineBreaksAndTabsThatADescriptionKeeps(String hex) {
        String text = "ligne 1" + (char) Integer.parseInt(hex, 16) + "ligne 2";
        assertThatThrownBy(() -> TextFields.line("name", text)).isInstanceOf(ValidationException.class);
        if (!hex.startsWith("202")) {
            assertThat(TextFields.text("description", text)).isEqualTo(text);
        }
    }

    @Test
    void acceptsWhatPeopleWriteInEveryScriptWithItsDirectionalMarks() {
        for (String text : List.of("Coopérative La Remise — « Montréal » ½ ‰ €", "Œuvre d'entraide", "中文 日本語 한국어",
                "جمعية الأمل \u200F(Montréal)", "שלום\u200E 2024", "emoji 🌱 ok", "")) {
            assertThatCode(() -> TextFields.line("name", text)).as(text).doesNotThrowAnyException();
            assertThatCode(() -> TextFields.text("description", text)).as(text).doesNotThrowAnyException();
        }
        assertThat(TextFields.line("name", null)).isNull();
    }

    @Test
    void namesTheAttributeAtFaultAtAnyDepth() {
        assertThatCode(() -> TextFields.attributes("attributes", Map.of("from", "YUL", "passengers", 2, "roundTrip", true)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TextFields.attributes("attributes", Map.of("from", "YU\u202EL")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("attributes.from"));
        assertThatThrownBy(() -> TextFields.attributes("attributes", Map.of("legs", List.of(Map.of("to", "C\u0000DG")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("attributes.legs"));
        assertThatThrownBy(() -> TextFields.attributes("attributes", Map.of("fr\u0007om", "YUL")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("attributes"));
    }

    private static void check(String text, boolean multiLine) {
        if (multiLine) {
            TextFields.text("name", text);
        } else {
            TextFields.line("name", text);
        }
    }

    @Test
    void blankToNullStripsATextAndReadsABlankOneAsAbsent() {
        assertThat(TextFields.blankToNull("  Bureau de Québec \t")).isEqualTo("Bureau de Québec");
        assertThat(TextFields.blankToNull("l'économie")).isEqualTo("l'économie");
        assertThat(TextFields.blankToNull(" \t\n")).isNull();
        assertThat(TextFields.blankToNull("")).isNull();
        assertThat(TextFields.blankToNull(null)).isNull();
    }
}
