package dev.kassa.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ActivityChartTest {

    @Test
    void eachMinuteOfTheWindowIsABarScaledToTheBusiestMinute() {
        Instant now = Instant.parse("2026-12-04T11:30:20Z");
        ActivityChart chart = ActivityChart.of(now, 60, List.of(
                Map.of("minute", "2026-12-04T11:30:00Z", "succeeded", 30, "failed", 10),
                Map.of("minute", "2026-12-04T10:31:00Z", "succeeded", 20, "failed", 0)));

        assertThat(chart.bars()).hasSize(60);
        assertThat(chart.max()).isEqualTo(40);
        assertThat(chart.bars().getFirst().label()).isEqualTo("10:31");
        assertThat(chart.bars().getFirst().succeededHeight()).isEqualTo(ActivityChart.HEIGHT / 2);
        ActivityChart.Bar last = chart.bars().getLast();
        assertThat(last.label()).isEqualTo("11:30");
        assertThat(last.succeededHeight() + last.failedHeight()).isEqualTo(ActivityChart.HEIGHT);
        assertThat(last.failedY()).isZero();
        assertThat(chart.bars().get(30).succeededHeight()).as("a quiet minute").isZero();
        assertThat(chart.successRatio()).isEqualTo("83.3 %");
    }

    @Test
    void noPaymentsIsNoRatioRatherThanADivisionByZero() {
        ActivityChart chart = ActivityChart.of(Instant.parse("2026-12-04T11:30:00Z"), 60, List.of());

        assertThat(chart.successRatio()).isEqualTo("n/a");
        assertThat(chart.bars()).allMatch(bar -> bar.succeededHeight() == 0 && bar.failedHeight() == 0);
    }
}
