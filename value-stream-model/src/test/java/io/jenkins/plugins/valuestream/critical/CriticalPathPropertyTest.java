package io.jenkins.plugins.valuestream.critical;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/**
 * What docs/definitions.md says of every critical path, checked on generated pipelines and on every real run: a step's
 * exclusive time is the drop in lead time when the step takes no time, and the path's parts add up to the lead time.
 */
public class CriticalPathPropertyTest {
    private static final int PIPELINES = 400;

    private static List<GeneratedRuns.Plan> pipelines() {
        Random random = new Random(13);
        List<GeneratedRuns.Plan> pipelines = new ArrayList<>();
        for (int i = 0; i < PIPELINES; i++) {
            pipelines.add(GeneratedRuns.pipeline(random, 1 + random.nextInt(4)));
        }
        return pipelines;
    }

    private static long queue(int i) {
        return i % 3 == 0 ? 0 : 1_000L * i;
    }

    /** Every real run with a flow graph, by job and number; the test is skipped without real data. */
    private static Map<String, ProcessMap> realRuns() throws IOException {
        return RealData.processMaps();
    }

    @Test
    public void exclusiveTimeIsWhatTheRunLosesWhenTheStepTakesNoTimeLaidOutAgain() {
        List<GeneratedRuns.Plan> pipelines = pipelines();
        int checked = 0;
        for (int i = 0; i < pipelines.size(); i++) {
            GeneratedRuns.Plan pipeline = pipelines.get(i);
            RunSchedule schedule = RunSchedule.of(GeneratedRuns.layOut(pipeline, queue(i), null));
            List<ProcessStep> steps = schedule.criticalPath().steps().stream().map(CriticalStep::step).toList();
            for (GeneratedRuns.Plan step : GeneratedRuns.steps(pipeline)) {
                long without = GeneratedRuns.layOut(pipeline, queue(i), step).leadTimeMillis();
                int index = indexOf(steps, step.name());
                assertThat(schedule.exclusiveMillis(index)).as("pipeline %d, step %s", i, step.name())
                        .isEqualTo(schedule.leadTimeMillis() - without);
                assertThat(schedule.leadTimeIf(index, 0)).as("pipeline %d, step %s", i, step.name())
                        .isEqualTo(without);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(2_000);
    }

    @Test
    public void withNothingCutEveryGeneratedRunIsRecomputedAsItWas() {
        List<GeneratedRuns.Plan> pipelines = pipelines();
        for (int i = 0; i < pipelines.size(); i++) {
            ProcessMap map = GeneratedRuns.layOut(pipelines.get(i), queue(i), null);
            Rescheduled same = RunSchedule.of(map).withOwnTimeCut(new long[map.steps().size()], 0);

            assertThat(same.leadTimeMillis()).as("pipeline %d", i).isEqualTo(map.leadTimeMillis());
            assertThat(same.elapsedMillis()).as("pipeline %d", i)
                    .isEqualTo(map.steps().stream().map(ProcessStep::elapsedMillis).toList());
        }
    }

    @Test
    public void cuttingAllOfAStepWithoutChildrenIsTheLeadTimeWithoutItOnEveryRealRun() throws IOException {
        int checked = 0;
        for (Map.Entry<String, ProcessMap> run : realRuns().entrySet()) {
            RunSchedule schedule = RunSchedule.of(run.getValue());
            List<ProcessStep> steps = run.getValue().steps();
            for (int i = 0; i < steps.size(); i++) {
                if (schedule.ownMillis(i) != steps.get(i).elapsedMillis()) {
                    continue;
                }
                long[] cut = new long[steps.size()];
                cut[i] = steps.get(i).elapsedMillis();
                assertThat(schedule.withOwnTimeCut(cut, 0).leadTimeMillis())
                        .as("%s %s", run.getKey(), steps.get(i).displayName())
                        .isEqualTo(schedule.leadTimeIf(i, 0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    public void thePartsOfEveryGeneratedPathFollowEachOtherAndAddUpToTheLeadTime() {
        List<GeneratedRuns.Plan> pipelines = pipelines();
        for (int i = 0; i < pipelines.size(); i++) {
            ProcessMap map = GeneratedRuns.layOut(pipelines.get(i), queue(i), null);

            assertContiguous("pipeline " + i, map, RunSchedule.of(map).criticalPath());
        }
    }

    @Test
    public void exclusiveTimeIsTheDropOfTheLeadTimeRecomputedWithoutTheStepOnEveryRealRun() throws IOException {
        int checked = 0;
        int inParallel = 0;
        for (Map.Entry<String, ProcessMap> run : realRuns().entrySet()) {
            RunSchedule schedule = RunSchedule.of(run.getValue());
            List<ProcessStep> steps = run.getValue().steps();
            for (int i = 0; i < steps.size(); i++) {
                assertThat(schedule.exclusiveMillis(i)).as("%s %s", run.getKey(), steps.get(i).displayName())
                        .isEqualTo(schedule.leadTimeMillis() - schedule.leadTimeIf(i, 0));
                checked++;
                inParallel += steps.get(i).parallelGroup() != null ? 1 : 0;
            }
        }
        System.out.printf("Critical path on real data: exclusive time of %d steps checked, %d of them parallel"
                + " branches%n", checked, inParallel);
        assertThat(inParallel).isGreaterThanOrEqualTo(20);
    }

    @Test
    public void thePartsOfEveryRealPathFollowEachOtherAndAddUpToTheLeadTime() throws IOException {
        for (Map.Entry<String, ProcessMap> run : realRuns().entrySet()) {
            assertContiguous(run.getKey(), run.getValue(), RunSchedule.of(run.getValue()).criticalPath());
        }
    }

    @Test
    public void theTimeOutsideStagesOnEveryRealPathIsTheImplicitStepsElapsedTime() throws IOException {
        for (Map.Entry<String, ProcessMap> run : realRuns().entrySet()) {
            long outside = run.getValue().steps().stream().filter(s -> s.kind() == StepKind.OUTSIDE)
                    .mapToLong(ProcessStep::elapsedMillis).sum();
            long onPath = RunSchedule.of(run.getValue()).criticalPath().parts().stream()
                    .filter(part -> part.kind() == PathPart.Kind.OUTSIDE).mapToLong(PathPart::millis).sum();

            assertThat(onPath).as(run.getKey()).isEqualTo(outside);
        }
    }

    private static void assertContiguous(String run, ProcessMap map, CriticalPath path) {
        long cursor = map.leadStart();
        for (PathPart part : path.parts()) {
            assertThat(part.startedAt()).as("%s: start of %s", run, part).isEqualTo(cursor);
            cursor += part.millis();
        }
        assertThat(cursor).as("%s: end of the path", run).isEqualTo(map.asOf());
        assertThat(path.parts().stream().mapToLong(PathPart::millis).sum()).as(run).isEqualTo(map.leadTimeMillis());
    }

    private static int indexOf(List<ProcessStep> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path().name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No step " + name);
    }
}
