package io.jenkins.plugins.valuestream.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The report's JSON, parsed back and checked against the model objects it was written from. */
public class ReportJsonTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ProcessMap run(int number, Long queueMillis, String buildStage) {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0 + number * 3_600_000L);
        run.stage(buildStage, s -> s.node("linux", 20_000, n -> n.sh("make", 60_000)));
        run.stage("Approve", s -> s.input("Ship it?", 90_000));
        run.stage("Deploy/Prod", s -> s.sh("deploy", 30_000));
        return ProcessMapExtractor.extract(run.runInfo(number, RunResult.SUCCESS, queueMillis), run.finish(),
                Long.MAX_VALUE);
    }

    private static JsonNode parse(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static JobReport job(String name, RunReport run) {
        return new JobReport(name, ValueStreamAggregator.aggregate(name, List.of(run.map())), List.of(run), List.of());
    }

    private static JsonNode firstRun(ProcessMap map, List<Flag> flags) throws Exception {
        String json = ReportJson.toJson(List.of(job("app", new RunReport(map, flags))));
        return parse(json).path("jobs").get(0).path("runs").get(0);
    }

    @Test
    public void aStageNamedWithASlashIsShownAsWrittenAndKeyedBySegments() throws Exception {
        // A stage named "Build / Test" (one name with a slash in it), not a stage Test inside a stage Build.
        ProcessMap map = run(1, 0L, "Build / Test");
        Flag flag = new Flag(FlagKind.SLOW_PROCESS, map.steps().get(0).path(), "Build / Test: slow", 1_000, List.of(),
                "");
        JsonNode job = parse(ReportJson.toJson(List.of(job("app", new RunReport(map, List.of(flag))))))
                .path("jobs").get(0);
        JsonNode stream = job.path("valueStream");

        assertThat(stream.path("steps").get(0).path("name").asText()).isEqualTo("Build / Test");
        assertThat(stream.path("steps").get(0).path("path").asText()).isEqualTo("Build \\/ Test");
        assertThat(stream.path("steps").get(0).path("segments")).extracting(JsonNode::asText)
                .containsExactly("Build / Test");
        assertThat(job.path("runs").get(0).path("flags").get(0).path("step").asText()).isEqualTo("Build / Test");
    }

    @Test
    public void theBottleneckIsNamedAsWritten() {
        ProcessMap map = RunFixture.run(1).step("Build \\/ Test", s -> s.process(60_000))
                .step("Lint", s -> s.process(1_000)).build();

        JsonNode stream = ReportJson.valueStream(ValueStreamAggregator.aggregate("app", List.of(map)));

        assertThat(stream.path("bottleneck").asText()).isEqualTo("Build / Test");
    }

    @Test
    public void runTotalsEqualTheProcessMap() throws Exception {
        ProcessMap map = run(12, 5_000L, "Build");
        JsonNode json = firstRun(map, List.of());

        assertThat(json.path("number").asInt()).isEqualTo(12);
        assertThat(json.path("result").asText()).isEqualTo("SUCCESS");
        assertThat(json.path("queuedAt").asLong()).isEqualTo(map.queuedAt());
        assertThat(json.path("startedAt").asLong()).isEqualTo(map.startedAt());
        assertThat(json.path("completedAt").asLong()).isEqualTo(map.completedAt());
        assertThat(json.path("leadTimeMillis").asLong()).isEqualTo(map.leadTimeMillis());
        assertThat(json.path("processMillis").asLong()).isEqualTo(map.processMillis());
        assertThat(json.path("waitMillis").asLong()).isEqualTo(map.waitMillis());
        assertThat(json.path("flowEfficiency").asDouble()).isEqualTo(map.flowEfficiency());
        for (WaitCause cause : WaitCause.values()) {
            assertThat(json.path("waitByCause").path(cause.name()).asLong()).as(cause.name())
                    .isEqualTo(map.waits().millis(cause));
        }
        assertThat(json.path("waitByCause").path("QUEUE").asLong()).isEqualTo(5_000);
        assertThat(json.path("waitByCause").path("INPUT").asLong()).isPositive();
    }

    @Test
    public void stepNumbersEqualTheProcessSteps() throws Exception {
        ProcessMap map = run(3, 0L, "Build");
        JsonNode steps = firstRun(map, List.of()).path("steps");

        assertThat(steps).hasSize(map.steps().size());
        for (int i = 0; i < map.steps().size(); i++) {
            ProcessStep step = map.steps().get(i);
            JsonNode json = steps.get(i);
            assertThat(json.path("path").asText()).isEqualTo(step.path().toString());
            assertThat(json.path("result").asText()).isEqualTo(step.result().name());
            assertThat(json.path("startedAt").asLong()).isEqualTo(step.startedAt());
            assertThat(json.path("elapsedMillis").asLong()).isEqualTo(step.elapsedMillis());
            assertThat(json.path("processMillis").asLong()).isEqualTo(step.processMillis());
            assertThat(json.path("waitMillis").asLong()).isEqualTo(step.waitMillis());
            assertThat(json.path("effortMillis").asLong()).isEqualTo(step.effortMillis());
            for (WaitCause cause : WaitCause.values()) {
                assertThat(json.path("waitByCause").path(cause.name()).asLong())
                        .as(step.displayName() + " " + cause).isEqualTo(step.waits().millis(cause));
            }
        }
        JsonNode build = steps.get(0);
        assertThat(build.path("waitByCause").path("AGENT").asLong()).isEqualTo(20_001);
    }

    @Test
    public void unknownQueueIsNullNotZero() throws Exception {
        JsonNode json = firstRun(run(4, null, "Build"), List.of());

        assertThat(json.has("queuedAt")).isTrue();
        assertThat(json.path("queuedAt").isNull()).isTrue();
        assertThat(json.path("waitByCause").has("QUEUE")).isTrue();
        assertThat(json.path("waitByCause").path("QUEUE").isNull()).isTrue();
        assertThat(json.path("unknownCauses")).extracting(JsonNode::asText).containsExactly("QUEUE");
        assertThat(json.path("waitByCause").path("AGENT").isNull()).isFalse();
    }

    @Test
    public void aCauseUnknownInAStepIsNull() throws Exception {
        ProcessMap map = run(5, 0L, "Build");
        ProcessStep first = map.steps().get(0);
        ProcessStep unknownAgent = new ProcessStep(first.path(), 0, first.kind(), first.result(), first.startedAt(),
                first.elapsedMillis(), first.processMillis() + first.waits().millis(WaitCause.AGENT),
                first.waits().withUnknown(java.util.Set.of(WaitCause.AGENT)), first.effortMillis(), true,
                first.nodeId(), null);
        ProcessMap changed = map.withSteps(List.of(unknownAgent)).withNotes(List.of("agent waits unknown"));
        JsonNode json = firstRun(changed, List.of());

        assertThat(json.path("steps").get(0).path("waitByCause").path("AGENT").isNull()).isTrue();
        assertThat(json.path("steps").get(0).path("unknownCauses")).extracting(JsonNode::asText)
                .containsExactly("AGENT");
        assertThat(json.path("notes")).extracting(JsonNode::asText).containsExactly("agent waits unknown");
    }

    @Test
    public void hostileStageNameIsEscapedAndReadsBackUnchanged() throws Exception {
        String name = XSS + " \"quoted\" \\ tab\t nul\u0000 bell\u0007 line\u2028end </script>";
        ProcessMap map = run(6, 0L, name);
        String json = ReportJson.toJson(List.of(job(name, new RunReport(map, List.of()))));

        assertThat(json).doesNotContain("<img").doesNotContain("</script>").doesNotContain("\u0000")
                .doesNotContain("\u0007").doesNotContain("\u2028");
        assertThat(json).contains("\\u003Cimg").contains("\\u0000").contains("\\u2028");
        JsonNode parsed = parse(json).path("jobs").get(0);
        assertThat(parsed.path("name").asText()).isEqualTo(name);
        assertThat(parsed.path("runs").get(0).path("steps").get(0).path("segments").get(0).asText())
                .isEqualTo(name);
    }

    @Test
    public void oneRunWrittenOnItsOwnIsEscapedAsTheReportIs() throws Exception {
        String name = XSS + " line\u2028end";
        RunReport run = new RunReport(run(8, 0L, name), List.of());
        StringWriter out = new StringWriter();

        ReportJson.write(ReportJson.run(run), out);

        String json = out.toString();
        assertThat(json).doesNotContain("<img").doesNotContain("\u2028").contains("\\u003Cimg")
                .contains("\\u2028").contains("\n  \"number\" : 8");
        assertThat(parse(json)).isEqualTo(parse(MAPPER.writeValueAsString(ReportJson.run(run))));
    }

    @Test
    public void writingATreeLeavesTheWriterOpen() throws Exception {
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("the writer was closed");
            }
        };

        ReportJson.write(ReportJson.run(new RunReport(run(9, 0L, "Build"), List.of())), out);
        out.write("\n");

        assertThat(out.toString()).endsWith("}\n");
    }

    @Test
    public void aSlashInsideAStageNameStaysOneSegment() throws Exception {
        JsonNode steps = firstRun(run(7, 0L, "Build"), List.of()).path("steps");
        JsonNode deploy = steps.get(2);

        assertThat(deploy.path("path").asText()).isEqualTo("Deploy\\/Prod");
        assertThat(deploy.path("segments")).extracting(JsonNode::asText).containsExactly("Deploy/Prod");
        assertThat(StepPath.parse(deploy.path("path").asText())).isEqualTo(StepPath.of("Deploy/Prod"));
    }

    @Test
    public void flagsCarryKindStepMessageCostAndEvidence() throws Exception {
        Flag flag = new Flag(FlagKind.DUPLICATE_WORK, StepPath.of("Build"), "sh 'npm ci' ran 3 times", 120_000,
                List.of("Build/linux: 60s", "Build/windows: 60s"));
        JsonNode json = firstRun(run(8, 0L, "Build"), List.of(flag)).path("flags").get(0);

        assertThat(json.path("kind").asText()).isEqualTo("DUPLICATE_WORK");
        assertThat(json.path("step").asText()).isEqualTo("Build");
        assertThat(json.path("message").asText()).isEqualTo("sh 'npm ci' ran 3 times");
        assertThat(json.path("costMillis").asLong()).isEqualTo(120_000);
        assertThat(json.path("evidence")).extracting(JsonNode::asText)
                .containsExactly("Build/linux: 60s", "Build/windows: 60s");
    }

    @Test
    public void errorsAndInputDecisionsCarryTheirStepTextAndUser() throws Exception {
        ProcessMap map = run(8, 0L, "Build").withOutcomes(
                List.of(new StepFailure(StepPath.of("Deploy/Prod"), StepFunctions.SHELL, "./deploy.sh <prod>",
                        "hudson.AbortException: script returned exit code 1", 5_000, true)),
                List.of(new InputDecision(StepPath.of("Approve"), "Ship <it>?", InputDecision.Decision.ABORTED, "bob",
                        6_000, 700)));

        JsonNode json = firstRun(map, List.of());

        JsonNode failure = json.path("failures").get(0);
        assertThat(failure.path("path").asText()).isEqualTo("Deploy\\/Prod");
        assertThat(failure.path("step").asText()).isEqualTo("Deploy/Prod");
        assertThat(failure.path("function").asText()).isEqualTo("sh");
        assertThat(failure.path("error").asText()).isEqualTo("hudson.AbortException: script returned exit code 1");
        assertThat(failure.path("message").asText()).isEqualTo("script returned exit code 1");
        assertThat(failure.path("interruption").asBoolean()).isFalse();
        assertThat(failure.path("command").asText()).isEqualTo("./deploy.sh <prod>");
        assertThat(failure.path("endedRun").asBoolean()).isTrue();
        assertThat(failure.path("at").asLong()).isEqualTo(5_000);
        JsonNode input = json.path("inputs").get(0);
        assertThat(input.path("message").asText()).isEqualTo("Ship <it>?");
        assertThat(input.path("decision").asText()).isEqualTo("ABORTED");
        assertThat(input.path("user").asText()).isEqualTo("bob");
        assertThat(input.path("waitedMillis").asLong()).isEqualTo(700);
    }

    @Test
    public void aRunWithoutErrorsHasAnEmptyListNotAMissingOne() throws Exception {
        JsonNode json = firstRun(run(8, 0L, "Build"), List.of());

        assertThat(json.path("failures").isArray()).isTrue();
        assertThat(json.path("failures")).isEmpty();
    }

    @Test
    public void anInputApprovedWithoutARecordedUserHasANullUser() throws Exception {
        JsonNode inputs = firstRun(run(8, 0L, "Build"), List.of()).path("inputs");

        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0).path("decision").asText()).isEqualTo("APPROVED");
        assertThat(inputs.get(0).path("user").isNull()).isTrue();
    }

    @Test
    public void valueStreamStatisticsAndBottleneckAreWrittenAsGiven() throws Exception {
        StepStats build = new StepStats(StepPath.of("Build"), 0, StepKind.STAGE, 10, new Distribution(60_000, 80_000),
                new Distribution(20_000, 45_000), Map.of(WaitCause.AGENT, new Distribution(20_000, 45_000)),
                new Distribution(80_000, 125_000), new Distribution(60_000, 80_000), 0.9, 0.75, 0, null, 1.0,
                new Distribution(80_000, 125_000));
        StepStats deploy = new StepStats(StepPath.of("Deploy"), 0, StepKind.STAGE, 9, new Distribution(30_000,
                31_000), Distribution.EMPTY, Map.of(), new Distribution(30_000, 31_000), new Distribution(30_000,
                31_000), 1.0, 1.0, 90_000, null, 0.5, new Distribution(15_000, 30_000));
        RunTrend point = new RunTrend(1, RunResult.SUCCESS, T0, 200_000, 90_000,
                WaitBreakdown.of(Map.of(WaitCause.AGENT, 20_000L), java.util.Set.of(WaitCause.QUEUE)), 0.45);
        ValueStream stream = new ValueStream("app", 10, List.of(build, deploy), new Distribution(200_000, 260_000),
                new Distribution(90_000, 100_000), new Distribution(110_000, 160_000),
                Map.of(WaitCause.AGENT, new Distribution(20_000, 45_000)), 0.45, build, build, List.of(point));
        StringWriter out = new StringWriter();
        ReportJson.write(List.of(new JobReport("app", stream, List.of(), List.of("run #3 skipped"))), out);
        JsonNode job = parse(out.toString()).path("jobs").get(0);
        JsonNode json = job.path("valueStream");

        assertThat(json.path("runs").asInt()).isEqualTo(10);
        assertThat(json.path("leadTimeMillis").path("median").asLong()).isEqualTo(200_000);
        assertThat(json.path("leadTimeMillis").path("p90").asLong()).isEqualTo(260_000);
        assertThat(json.path("flowEfficiency").asDouble()).isEqualTo(0.45);
        assertThat(json.path("bottleneck").asText()).isEqualTo("Build");
        assertThat(json.path("bottleneckIndex").asInt()).isZero();
        JsonNode first = json.path("steps").get(0);
        assertThat(first.path("path").asText()).isEqualTo("Build");
        assertThat(first.path("runs").asInt()).isEqualTo(10);
        assertThat(first.path("processMillis").path("median").asLong()).isEqualTo(60_000);
        assertThat(first.path("processMillis").path("p90").asLong()).isEqualTo(80_000);
        assertThat(first.path("waitMillis").path("p90").asLong()).isEqualTo(45_000);
        assertThat(first.path("elapsedMillis").path("median").asLong()).isEqualTo(80_000);
        assertThat(first.path("successRate").asDouble()).isEqualTo(0.9);
        assertThat(first.path("waitByCause").path("AGENT").path("median").asLong()).isEqualTo(20_000);
        assertThat(json.path("steps").get(1).path("waitByCause").size()).isZero();
        assertThat(json.path("trend").get(0).path("waitByCause").path("QUEUE").isNull()).isTrue();
        assertThat(job.path("warnings")).extracting(JsonNode::asText).containsExactly("run #3 skipped");
    }

    @Test
    public void aStepOfTheValueStreamHasItsCriticalShareAndExclusiveTime() {
        List<ProcessMap> runs = List.of(RunFixture.run(1).step("linux", s -> s.process(90_000).parallel("5"))
                .step("windows", s -> s.process(60_000).parallel("5")).build());

        JsonNode linux = ReportJson.valueStream(ValueStreamAggregator.aggregate("app", runs)).path("steps").get(0);

        assertThat(linux.path("criticalShare").asDouble()).isEqualTo(1.0);
        assertThat(linux.path("exclusiveMillis").path("median").asLong()).isEqualTo(30_000);
    }

    private static String jobWithWhatIfText(String stage, String whatIf) {
        ProcessMap map = run(7, 10_000L, stage);
        JobReport report = ReportAssembler.of(DetectorSettings.defaults()).assemble("app", List.of(map),
                List.of(map), List.of(), FutureAssumptions.defaults(), List.of(WhatIf.parse(whatIf)));
        return ReportJson.toJson(List.of(report));
    }

    private static JsonNode jobWithWhatIf(String stage, String whatIf) throws Exception {
        return parse(jobWithWhatIfText(stage, whatIf)).path("jobs").get(0);
    }

    @Test
    public void theFutureStateWithoutAgentAndQueueIsBesideTheValueStream() throws Exception {
        JsonNode future = jobWithWhatIf("Build", "Build=-50%").path("futureState");
        long lead = future.path("leadTimeMillis").path("median").asLong();

        assertThat(future.path("removedCauses")).extracting(JsonNode::asText).containsExactly("QUEUE", "AGENT");
        long agent = run(7, 10_000L, "Build").steps().get(0).waits().millis(WaitCause.AGENT);

        assertThat(agent).isGreaterThanOrEqualTo(20_000);
        // The 10 s queue and Build's agent wait go.
        assertThat(future.path("projectedLeadTimeMillis").path("median").asLong()).isEqualTo(lead - 10_000 - agent);
        assertThat(future.path("steps").get(0).path("path").asText()).isEqualTo("Build");
        assertThat(future.path("steps").get(0).path("projectedElapsedMillis").path("median").asLong())
                .isEqualTo(run(7, 10_000L, "Build").steps().get(0).elapsedMillis() - agent);
    }

    @Test
    public void aWhatIfGivesTheProjectedLeadTimeBesideTheCurrentOne() throws Exception {
        JsonNode whatIf = jobWithWhatIf("Build", "Build=-50%").path("whatIf").get(0);

        assertThat(whatIf.path("path").asText()).isEqualTo("Build");
        assertThat(whatIf.path("change").asText()).isEqualTo("-50%");
        long lead = whatIf.path("leadTimeMillis").path("median").asLong();
        long build = run(7, 10_000L, "Build").steps().get(0).elapsedMillis();
        assertThat(build).isGreaterThanOrEqualTo(80_000);
        assertThat(whatIf.path("projectedLeadTimeMillis").path("median").asLong()).isEqualTo(lead - build / 2);
    }

    @Test
    public void aHostileStageNameInTheFutureStateIsEscaped() throws Exception {
        String json = jobWithWhatIfText(XSS, "Approve=-1m");

        assertThat(json).doesNotContain("<img");
        assertThat(parse(json).path("jobs").get(0).path("futureState").path("steps").get(0).path("segments").get(0)
                .asText()).isEqualTo(XSS);
    }
}
