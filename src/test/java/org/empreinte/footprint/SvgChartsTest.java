package org.empreinte.footprint;

import static org.empreinte.web.SvgLabels.LABEL;
import static org.empreinte.web.SvgLabels.assertEscaped;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Labels come from messages and from names people type: the charts escape every one of them. */
class SvgChartsTest {

    @Test
    void horizontalBarsEscapeTheTitleTheLabelsAndTheFigures() throws Exception {
        String svg = SvgCharts.horizontalBars(LABEL, List.of(new SvgCharts.Bar(LABEL, 12.5, "bar-1")), value -> LABEL);
        // title twice (aria-label, title), the bar's label twice (text, tooltip), its figure twice
        assertEscaped(svg, 6);
    }

    @Test
    void stackedColumnsEscapeTheTitleTheMonthsTheScopesAndTheFigures() throws Exception {
        String svg = SvgCharts.stackedColumns(LABEL, List.of(LABEL), List.of(Map.of("1", 5.0)),
                Map.of("1", LABEL, "2", LABEL, "3", LABEL), value -> LABEL);
        // title twice, the axis' top figure, the column's tooltip (month, scope, figure), the month, three scopes
        assertEscaped(svg, 2 + 1 + 3 + 1 + 3);
    }
}
