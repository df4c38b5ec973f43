package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberFieldsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-1, -0.0, 0, Double.MIN_VALUE, 1e-320, 9.99e-7, 1e12 + 1, 1e308, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aFigureOutsideItsRangeIsRefusedNamingItsField(double value) {
        assertThatThrownBy(() -> NumberFields.between("quantity", value, 1e-6, 1e12))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.field()).isEqualTo("quantity");
                    assertThat(e.getMessage()).isEqualTo("quantity must be a number from 0.000001 to 1000000000000");
                    assertThat(Messages.of(Locale.CANADA).format(e.messageKey(), e.messageArgs()))
                            .isEqualTo("A number from 0.000001 to 1,000,000,000,000 is expected.");
                });
    }

    @Test
    void theBoundsAreInside() {
        assertThat(NumberFields.between("quantity", 1e-6, 1e-6, 1e12)).isEqualTo(1e-6);
        assertThat(NumberFields.between("quantity", 1e12, 1e-6, 1e12)).isEqualTo(1e12);
    }

    @Test
    void zeroIsAllowedWhereItMeansNoneButNotMinusZeroNorNextToNothing() {
        assertThat(NumberFields.zeroOrBetween("employees", 0.0, 0.01, 1e6)).isZero();
        assertThat(NumberFields.zeroOrBetween("employees", 0.5, 0.01, 1e6)).isEqualTo(0.5);
        for (double value : new double[] {-0.0, 1e-320, 0.001, 1e6 + 1, Double.NaN, Double.POSITIVE_INFINITY, -3}) {
            assertThatThrownBy(() -> NumberFields.zeroOrBetween("employees", value, 0.01, 1e6)).as("" + value)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("employees must be 0, or a number from 0.01 to 1000000"));
        }
    }
}
