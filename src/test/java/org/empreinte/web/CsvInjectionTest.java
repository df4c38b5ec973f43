package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's rule against CSV injection, as every CSV file Empreinte writes applies it. */
class CsvInjectionTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+chauffage", "-1+2", "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A2)", "\t=1", "\r=1", "-", "+", "=", "'=1", "''@x"})
    void textThatCouldRunGetsAnApostrophe(String text) {
        assertThat(CsvCells.toCell(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-5", "-0.3", "+2", "-1e5", "1200.5", "2024-01-01", "Usine de Toronto", "a=b", "chauffage;=x",
        "'ordinary", "''", "", "C'est l'usine"})
    void numbersAndHarmlessTextStayAsTheyAre(String text) {
        assertThat(CsvCells.toCell(text)).isEqualTo(text);
    }

    @Test
    void readingBackRemovesExactlyWhatWritingAdded() {
        for (String text : List.of("=HYPERLINK(\"http://x\",\"y\")", "'=1", "''=1", "'", "''", "'-5", "-5", "'abc", "abc",
                "+1 514 555 0000", "@home", "")) {
            assertThat(CsvCells.fromCell(CsvCells.toCell(text))).as(text).isEqualTo(text);
        }
        // A file written elsewhere keeps its apostrophes unless they stand before what could run.
        assertThat(CsvCells.fromCell("'abc")).isEqualTo("'abc");
        assertThat(CsvCells.fromCell("'=abc")).isEqualTo("=abc");
    }
}
