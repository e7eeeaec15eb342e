package io.jenkins.plugins.valuestream;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.chain.ChainAggregator;
import io.jenkins.plugins.valuestream.chain.ChainLinker;
import io.jenkins.plugins.valuestream.chain.JobRun;
import io.jenkins.plugins.valuestream.critical.RunSchedule;
import io.jenkins.plugins.valuestream.dora.DeploymentRule;
import io.jenkins.plugins.valuestream.dora.DoraCalculator;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.Test;

/**
 * docs/definitions.md is the contract of the numbers: its examples are recomputed here, and every figure the JSON of a
 * value stream holds is defined in its section "Numbers of a job", so a new figure cannot ship undefined.
 */
public class DefinitionsTest {
    /** What names a step rather than measures it. */
    private static final Set<String> IDENTITY = Set.of("path", "segments", "name", "occurrence");

    private static String section(String heading) throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("valuestream.docs", "../docs"), "definitions.md"),
                StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## " + heading + "\n");
        assertThat(start).as("the section '%s' of definitions.md", heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static JsonNode valueStreamJson() {
        List<ProcessMap> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(run(i).waits(Map.of(WaitCause.QUEUE, 1_000L))
                    .step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 5_000))
                    .step("Test", s -> s.process(30_000).parallel("7"))
                    .step("Lint", s -> s.process(10_000).parallel("7"))
                    .build());
        }
        return ReportJson.valueStream(ValueStreamAggregator.aggregate("shop", runs));
    }

    @Test
    public void theWorkedPercentileExampleIsWhatTheAggregationComputes() throws IOException {
        assertThat(section("Numbers of a job"))
                .contains("For 1 s, 2 s, 3 s and 4 s the median\n  is 2.5 s and the p90 3.7 s.");

        Distribution distribution = Distribution.ofSorting(new long[] {4_000, 1_000, 3_000, 2_000});

        assertThat(distribution.median()).isEqualTo(2_500);
        assertThat(distribution.p90()).isEqualTo(3_700);
    }

    @Test
    public void everyFigureOfAJobsValueStreamIsDefined() throws IOException {
        String numbers = section("Numbers of a job");
        List<String> figures = new ArrayList<>();
        valueStreamJson().fieldNames().forEachRemaining(figures::add);

        assertThat(figures).isNotEmpty().allSatisfy(name -> assertThat(numbers).contains("`" + name + "`"));
    }

    @Test
    public void everyFigureOfAStepAcrossRunsIsDefined() throws IOException {
        String numbers = section("Numbers of a job");
        List<String> figures = new ArrayList<>();
        valueStreamJson().path("steps").get(0).fieldNames().forEachRemaining(figures::add);
        figures.removeAll(IDENTITY);

        assertThat(figures).contains("successRate", "parallelGroup")
                .allSatisfy(name -> assertThat(numbers).contains("`" + name + "`"));
    }

    @Test
    public void theWorkedCriticalPathExampleIsWhatTheScheduleComputes() throws IOException {
        assertThat(section("Critical path of a run")).contains("Halving linux gives a lead time of 130 s.");
        ProcessMap example = run(1).step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_000).process(100_000))
                .step("Test/linux", s -> s.at(60_000).process(100_000).parallel("9"))
                .step("Test/windows", s -> s.at(60_000).process(70_000).parallel("9"))
                .step("Test/mac", s -> s.at(60_000).process(40_000).parallel("9"))
                .build();

        RunSchedule schedule = RunSchedule.of(example);

        assertThat(IntStream.range(0, 5).mapToLong(schedule::exclusiveMillis).toArray())
                .containsExactly(60_000, 100_000, 30_000, 0, 0);
        assertThat(schedule.leadTimeIf(2, 50_000)).isEqualTo(130_000);
    }

    /** docs/definitions.md's future-state example: Build 60 s with 20 s AGENT, Test/linux 100 s with 30 s AGENT. */
    private static ProcessMap futureExample() {
        return run(1).step("Build", s -> s.at(0).process(40_000).waited(WaitCause.AGENT, 20_000))
                .step("Test", s -> s.at(60_000).process(100_000))
                .step("Test/linux", s -> s.at(60_000).process(70_000).waited(WaitCause.AGENT, 30_000)
                        .parallel("9"))
                .step("Test/windows", s -> s.at(60_000).process(70_000).parallel("9"))
                .build();
    }

    private static JobReport futureReport() {
        return ReportAssembler.of(DetectorSettings.defaults()).assemble("shop", List.of(futureExample()),
                List.of(futureExample()), List.of(), FutureAssumptions.defaults(),
                List.of(WhatIf.parse("Test/linux=-50%")));
    }

    @Test
    public void theWorkedFutureStateExampleIsWhatTheProjectionComputes() throws IOException {
        assertThat(section("Future state")).contains("Without AGENT: Build 40 s, linux 70 s, the block as long as"
                + " windows' 70 s: lead time 110 s.");

        assertThat(futureReport().futureState().projectedLeadTime().median()).isEqualTo(110_000);
    }

    @Test
    public void everyFigureOfTheFutureStateIsDefined() throws IOException {
        String future = section("Future state");
        JsonNode json = ReportJson.futureState(futureReport().futureState());
        List<String> figures = new ArrayList<>();
        json.fieldNames().forEachRemaining(figures::add);
        json.path("steps").get(0).fieldNames().forEachRemaining(figures::add);
        figures.removeAll(IDENTITY);
        figures.remove("steps");

        assertThat(figures).contains("projectedLeadTimeMillis", "projectedElapsedMillis")
                .allSatisfy(name -> assertThat(future).contains("`" + name + "`"));
    }

    @Test
    public void everyFigureOfAWhatIfIsDefined() throws IOException {
        String whatIf = section("What-if");
        List<String> figures = new ArrayList<>();
        ReportJson.whatIf(futureReport().whatIfs().get(0)).fieldNames().forEachRemaining(figures::add);
        figures.removeAll(IDENTITY);

        assertThat(figures).contains("change", "projectedLeadTimeMillis")
                .allSatisfy(name -> assertThat(whatIf).contains("`" + name + "`"));
    }

    @Test
    public void everyFigureOfAChainOfJobsIsDefined() throws IOException {
        String chains = section("Chains of jobs");
        long t0 = 1_717_401_600_000L;
        ProcessMap build = ProcessMapExtractor.wholeBuild(new RunInfo(1, RunResult.SUCCESS, t0, t0 + 1_000,
                t0 + 60_000), "build", t0 + 60_000);
        ProcessMap test = ProcessMapExtractor.wholeBuild(new RunInfo(2, RunResult.SUCCESS, t0 + 61_000, t0 + 62_000,
                t0 + 90_000, List.of(UpstreamCause.of("build", 1))), "test", t0 + 90_000);
        JsonNode shape = ReportJson.chains(ChainAggregator.aggregate(ChainLinker.link(List.of(
                new JobRun("build", build), new JobRun("test", test))))).get(0);
        JsonNode chain = shape.path("chains").get(0);
        List<String> figures = new ArrayList<>();
        shape.fieldNames().forEachRemaining(figures::add);
        chain.fieldNames().forEachRemaining(figures::add);
        chain.path("runs").get(0).fieldNames().forEachRemaining(figures::add);
        chain.path("handoffs").get(0).fieldNames().forEachRemaining(figures::add);
        figures.removeAll(Set.of("job", "number", "result", "from", "to"));

        assertThat(figures).contains("leadTimeMillis", "handoffMillis", "triggeredAt")
                .allSatisfy(name -> assertThat(chains).contains("`" + name + "`"));
    }

    /** docs/definitions.md's DORA example: a1 at 10:00 in run 1, b2 at 11:00 in run 2, whose Deploy ends at 11:30. */
    private static List<ProcessMap> doraExample() {
        long tenOClock = run(1).startedAt();
        ProcessMap built = run(1).step("Build", s -> s.at(0).process(600_000)).build()
                .withChanges(List.of(new Change("a1", tenOClock)));
        long elevenOClock = run(2).startedAt();
        ProcessMap deployed = run(2).step("Build", s -> s.at(0).process(1_200_000))
                .step("Deploy", s -> s.at(1_200_000).process(600_000).deploys()).build()
                .withChanges(List.of(new Change("b2", elevenOClock)));
        return List.of(built, deployed);
    }

    @Test
    public void theWorkedDoraExampleIsWhatTheCalculatorComputes() throws IOException {
        assertThat(section("Delivery: DORA")).contains("lead times 90 min and 30 min, median 60 min.");

        DoraFigures dora = DoraCalculator.compute(doraExample(), DeploymentRule.PROCESS_STEPS);

        assertThat(dora.leadTimeForChanges().p90()).isLessThanOrEqualTo(90 * 60_000L);
        assertThat(dora.leadTimeForChanges().median()).isEqualTo(60 * 60_000L);
    }

    @Test
    public void everyDoraFigureIsDefined() throws IOException {
        String delivery = section("Delivery: DORA");
        JsonNode json = ReportJson.dora(DoraCalculator.compute(doraExample(), new DeploymentRule(Set.of("Deploy"))));
        List<String> figures = new ArrayList<>();
        json.fieldNames().forEachRemaining(figures::add);
        for (String object : List.of("leadTimeForChanges", "deploymentFrequency", "failedDeploymentRecoveryMillis")) {
            json.path(object).fieldNames().forEachRemaining(figures::add);
        }
        figures.removeAll(List.of("median", "p90"));

        assertThat(figures).contains("changeFailureRate", "runsWithUnknownChanges", "perWeek")
                .allSatisfy(name -> assertThat(delivery).contains("`" + name + "`"));
    }
}
