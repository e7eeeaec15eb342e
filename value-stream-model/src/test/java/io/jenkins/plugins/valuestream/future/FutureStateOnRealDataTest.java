package io.jenkins.plugins.valuestream.future;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The future state of each real run of {@code ../shared/realdata}, one run at a time. */
public class FutureStateOnRealDataTest {

    private static FutureState projected(ProcessMap run, Set<WaitCause> removed) {
        return FutureStateProjector.project(ValueStreamAggregator.aggregate("real", List.of(run)),
                List.of(new FlaggedRun(run, List.of())), new FutureAssumptions(removed));
    }

    @Test
    public void removingNothingGivesBackEveryRealRunAsItWas() throws IOException {
        for (Map.Entry<String, ProcessMap> run : RealData.processMaps().entrySet()) {
            if (run.getValue().running()) {
                continue;
            }
            FutureState same = projected(run.getValue(), Set.of());

            assertThat(same.projectedLeadTime()).as(run.getKey()).isEqualTo(same.leadTime());
            assertThat(same.steps()).as(run.getKey())
                    .allSatisfy(step -> assertThat(step.projectedElapsed()).isEqualTo(step.elapsed()));
        }
    }

    @Test
    public void removingEveryWaitShortensNoRealRunByMoreThanItsWaitsNorLengthensOne() throws IOException {
        int shorter = 0;
        for (Map.Entry<String, ProcessMap> run : RealData.processMaps().entrySet()) {
            ProcessMap map = run.getValue();
            if (map.running()) {
                continue;
            }
            FutureState future = projected(map, EnumSet.allOf(WaitCause.class));
            long lead = map.leadTimeMillis();
            long projected = future.projectedLeadTime().median();

            assertThat(projected).as(run.getKey()).isLessThanOrEqualTo(lead)
                    .isGreaterThanOrEqualTo(lead - map.waitMillis());
            shorter += projected < lead ? 1 : 0;
        }
        assertThat(shorter).isGreaterThan(100);
    }
}
