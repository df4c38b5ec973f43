package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Period;
import org.empreinte.footprint.FootprintService;
import org.empreinte.organization.ElectricityContract;
import org.empreinte.organization.YearFigures;
import org.empreinte.web.ValidationException;

/**
 * The years 1990 to 2100 (Period.EARLIEST_YEAR, LATEST_YEAR), both included, where requests give a year or a
 * date outside an activity: the limits themselves pass, the years beyond them are refused with the messages
 * the API has always given.
 */
class YearBoundsTest {

    @Test
    void theBoundsAre1990And2100() {
        assertThat(Period.EARLIEST_YEAR).isEqualTo(1990);
        assertThat(Period.LATEST_YEAR).isEqualTo(2100);
    }

    @Test
    void aReportsYear() {
        assertThat(FootprintService.period("1990", null, null, 2024)).isEqualTo(Period.ofYear(1990));
        assertThat(FootprintService.period("2100", null, null, 2024)).isEqualTo(Period.ofYear(2100));
        for (String year : new String[] {"1989", "2101"}) {
            assertThatThrownBy(() -> FootprintService.period(year, null, null, 2024))
                    .isInstanceOf(ValidationException.class).hasMessage("year must be a year between 1990 and 2100");
        }
    }

    @Test
    void aReportsDates() {
        assertThat(FootprintService.period(null, "1990-01-01", "2100-12-31", 2024))
                .isEqualTo(new Period(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31)));
        assertThatThrownBy(() -> FootprintService.period(null, "1989-12-31", "2024-12-31", 2024))
                .isInstanceOf(ValidationException.class).hasMessage("from must be between 1990-01-01 and 2100-12-31");
        assertThatThrownBy(() -> FootprintService.period(null, "2024-01-01", "2101-01-01", 2024))
                .isInstanceOf(ValidationException.class).hasMessage("to must be between 1990-01-01 and 2100-12-31");
    }

    @Test
    void anOrganizationsYearlyFigures() {
        YearFigures figures = new YearFigures(null, 10.0, null, null, null);
        assertThat(figures.validated(1990).employees()).isEqualTo(10.0);
        assertThat(figures.validated(2100).employees()).isEqualTo(10.0);
        for (int year : new int[] {1989, 2101}) {
            assertThatThrownBy(() -> figures.validated(year))
                    .isInstanceOf(ValidationException.class).hasMessage("year must be a year between 1990 and 2100");
        }
    }

    @Test
    void anElectricityContractsYears() {
        assertThat(contract(1990, 2100).validated().toYear()).isEqualTo(2100);
        assertThatThrownBy(() -> contract(1989, 2000).validated())
                .isInstanceOf(ValidationException.class).hasMessage("fromYear must be a year between 1990 and 2100");
        assertThatThrownBy(() -> contract(2101, null).validated())
                .isInstanceOf(ValidationException.class).hasMessage("fromYear must be a year between 1990 and 2100");
        assertThatThrownBy(() -> contract(2020, 2101).validated())
                .isInstanceOf(ValidationException.class).hasMessage("toYear must be a year from fromYear to 2100");
    }

    private static ElectricityContract contract(Integer fromYear, Integer toYear) {
        return new ElectricityContract(null, null, ElectricityContract.RENEWABLE, null, fromYear, toYear, "Hydro-Québec");
    }
}
