package io.jenkins.plugins.valuestream.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class DurationsTest {
    @Test
    public void parsesMinutes() {
        assertThat(Durations.parse("15m")).isEqualTo(15 * 60_000L);
    }

    @Test
    public void parsesHoursAndMinutesTogether() {
        assertThat(Durations.parse("1h30m")).isEqualTo(90 * 60_000L);
    }

    @Test
    public void parsesPartsSeparatedBySpaces() {
        assertThat(Durations.parse(" 1h 30m ")).isEqualTo(90 * 60_000L);
    }

    @Test
    public void parsesSeconds() {
        assertThat(Durations.parse("90s")).isEqualTo(90_000L);
    }

    @Test
    public void parsesDays() {
        assertThat(Durations.parse("2d")).isEqualTo(2 * 24 * 3_600_000L);
    }

    @Test
    public void parsesMilliseconds() {
        assertThat(Durations.parse("500ms")).isEqualTo(500L);
    }

    @Test
    public void parsesUnitsInAnyCase() {
        assertThat(Durations.parse("1H30M")).isEqualTo(90 * 60_000L);
    }

    @Test
    public void parsesDecimalParts() {
        assertThat(Durations.parse("1.5h")).isEqualTo(90 * 60_000L);
    }

    @Test
    public void parsesIso8601() {
        assertThat(Durations.parse("PT15M")).isEqualTo(15 * 60_000L);
    }

    @Test
    public void parsesIso8601WithDaysInLowerCase() {
        assertThat(Durations.parse("p1dt2h")).isEqualTo(26 * 3_600_000L);
    }

    @Test
    public void rejectsBareNumberSayingItNeedsAUnit() {
        assertThatThrownBy(() -> Durations.parse("15"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'15'")
                .hasMessageContaining("needs a unit")
                .hasMessageContaining("'1h30m'");
    }

    @Test
    public void rejectsUnknownUnitNamingTheTextAndAcceptedForms() {
        assertThatThrownBy(() -> Durations.parse("15x"))
                .hasMessage("Invalid duration '15x': cannot read '15x'; accepted: " + Durations.ACCEPTED_FORMS);
    }

    @Test
    public void rejectsZero() {
        assertThatThrownBy(() -> Durations.parse("0m")).hasMessageContaining("more than zero");
    }

    @Test
    public void rejectsNegative() {
        assertThatThrownBy(() -> Durations.parse("-5m")).hasMessageContaining("more than zero");
    }

    @Test
    public void rejectsNegativeIso8601() {
        assertThatThrownBy(() -> Durations.parse("PT-5M")).hasMessageContaining("more than zero");
    }

    @Test
    public void rejectsZeroIso8601() {
        assertThatThrownBy(() -> Durations.parse("PT0S")).hasMessageContaining("more than zero");
    }

    @Test
    public void aDurationThatMayBeZeroTakesZeroWithOrWithoutAUnit() {
        assertThat(Durations.parseNonNegative("absoluteFloor", "0")).isZero();
        assertThat(Durations.parseNonNegative("absoluteFloor", " 0.0 ")).isZero();
        assertThat(Durations.parseNonNegative("absoluteFloor", "0s")).isZero();
        assertThat(Durations.parseNonNegative("absoluteFloor", "0ms")).isZero();
        assertThat(Durations.parseNonNegative("absoluteFloor", "PT0S")).isZero();
    }

    @Test
    public void aDurationThatMayBeZeroReadsEveryOtherFormAsParseDoes() {
        assertThat(Durations.parseNonNegative("absoluteFloor", "1h30m")).isEqualTo(Durations.parse("1h30m"));
        assertThat(Durations.parseNonNegative("absoluteFloor", "PT15M")).isEqualTo(Durations.parse("PT15M"));
    }

    @Test
    public void aDurationThatMayBeZeroIsStillNeverNegative() {
        assertThatThrownBy(() -> Durations.parseNonNegative("absoluteFloor", "-5s"))
                .hasMessage("Invalid absoluteFloor '-5s': a duration cannot be negative; accepted: "
                        + Durations.ACCEPTED_NON_NEGATIVE_FORMS);
    }

    @Test
    public void aDurationThatMayBeZeroStillNeedsAUnitAboveZero() {
        assertThatThrownBy(() -> Durations.parseNonNegative("minDuplicate", "5"))
                .hasMessageStartingWith("Invalid minDuplicate '5': a number needs a unit; accepted: 0, or a number");
    }

    @Test
    public void aDurationThatMayBeZeroIsNotZeroWhenEmpty() {
        assertThatThrownBy(() -> Durations.parseNonNegative("noOpThreshold", " "))
                .hasMessageContaining("it is empty");
    }

    @Test
    public void aZeroFollowedByTextIsNotAZero() {
        assertThatThrownBy(() -> Durations.parseNonNegative("absoluteFloor", "0xyz"))
                .hasMessageContaining("cannot read");
    }

    @Test
    public void rejectsMalformedIso8601() {
        assertThatThrownBy(() -> Durations.parse("PT15X")).hasMessageContaining("not a valid ISO-8601 duration");
    }

    @Test
    public void rejectsUnitsOutOfOrder() {
        assertThatThrownBy(() -> Durations.parse("30m1h")).hasMessageContaining("from the largest down");
    }

    @Test
    public void rejectsRepeatedUnit() {
        assertThatThrownBy(() -> Durations.parse("1m1m")).hasMessageContaining("each at most once");
    }

    @Test
    public void rejectsTrailingGarbage() {
        assertThatThrownBy(() -> Durations.parse("15m and more")).hasMessageContaining("cannot read 'and more'");
    }

    @Test
    public void rejectsEmptyText() {
        assertThatThrownBy(() -> Durations.parse("  ")).hasMessageContaining("it is empty");
    }

    @Test
    public void rejectsDurationTooLongForMilliseconds() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999d")).hasMessageContaining("too long");
    }

    @Test
    public void namesTheParameterInItsMessage() {
        assertThatThrownBy(() -> Durations.parse("waitBudget", "15x"))
                .hasMessageStartingWith("Invalid waitBudget '15x': ");
    }

    @Test
    public void formatsMinutesAndSeconds() {
        assertThat(Durations.format(250_000)).isEqualTo("4m 10s");
    }

    @Test
    public void formatsHoursAndMinutesRoundingSeconds() {
        assertThat(Durations.format(3_600_000 + 2 * 60_000 + 29_999)).isEqualTo("1h 2m");
        assertThat(Durations.format(3_600_000 + 2 * 60_000 + 30_000)).isEqualTo("1h 3m");
    }

    @Test
    public void roundsUpIntoTheNextUnit() {
        assertThat(Durations.format(9_960)).isEqualTo("10s");
        assertThat(Durations.format(59_600)).isEqualTo("1m");
        assertThat(Durations.format(3_599_700)).isEqualTo("1h");
    }

    @Test
    public void formatsDaysAndHours() {
        assertThat(Durations.format(2 * 86_400_000L + 3 * 3_600_000L)).isEqualTo("2d 3h");
    }

    @Test
    public void leavesOutAZeroSecondUnit() {
        assertThat(Durations.format(60_000)).isEqualTo("1m");
    }

    @Test
    public void formatsWholeSecondsFromTenSeconds() {
        assertThat(Durations.format(12_345)).isEqualTo("12s");
    }

    @Test
    public void formatsTenthsBelowTenSeconds() {
        assertThat(Durations.format(1_549)).isEqualTo("1.5s");
    }

    @Test
    public void formatsWholeSecondsBelowTenSecondsWithoutDecimal() {
        assertThat(Durations.format(2_000)).isEqualTo("2s");
    }

    @Test
    public void formatsMillisecondsBelowOneSecond() {
        assertThat(Durations.format(850)).isEqualTo("850ms");
    }

    @Test
    public void formatsZero() {
        assertThat(Durations.format(0)).isEqualTo("0s");
    }

    @Test
    public void formatsNegativeWithMinus() {
        assertThat(Durations.format(-90_000)).isEqualTo("-1m 30s");
    }

    @Test
    public void readsBackWhatItWrites() {
        for (long millis : new long[] {850, 1_500, 45_000, 250_000, 5_400_000, 2 * 86_400_000L + 3 * 3_600_000L}) {
            assertThat(Durations.parse(Durations.format(millis))).as(Durations.format(millis)).isEqualTo(millis);
        }
    }
}
