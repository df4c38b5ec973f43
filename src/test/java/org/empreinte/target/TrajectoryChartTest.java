package org.empreinte.target;

import static org.empreinte.web.SvgLabels.LABEL;
import static org.empreinte.web.SvgLabels.assertEscaped;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrajectoryChartTest {

    @Test
    void escapesTheTitleTheLegendTheGapAndTheFigures() throws Exception {
        // the plan ends above the trajectory: the gap is drawn and labelled
        List<TrajectoryChart.Point> points = List.of(new TrajectoryChart.Point(2020, 100.0, 100.0, null),
                new TrajectoryChart.Point(2030, null, 50.0, 80.0));
        String svg = TrajectoryChart.svg(LABEL, points, List.of(LABEL, LABEL, LABEL), LABEL, LABEL, value -> LABEL);
        // title twice, the axis' top figure and its unit, the one actual year's tooltip, the gap, three legend entries
        assertEscaped(svg, 2 + 1 + 1 + 1 + 1 + 3);
    }
}
