package org.empreinte.network;

import static org.empreinte.web.SvgLabels.LABEL;
import static org.empreinte.web.SvgLabels.assertEscaped;

import org.junit.jupiter.api.Test;

class BoxChartTest {

    @Test
    void escapesTheTitleAndTheFigures() throws Exception {
        String svg = BoxChart.svg(LABEL, 1, 2, 3, value -> LABEL);
        // title twice (aria-label, title), the quartiles and the median
        assertEscaped(svg, 2 + 3);
    }
}
