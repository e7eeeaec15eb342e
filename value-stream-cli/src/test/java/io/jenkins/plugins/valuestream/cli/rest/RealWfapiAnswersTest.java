package io.jenkins.plugins.valuestream.cli.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.CriticalPathChecks;
import io.jenkins.plugins.valuestream.cli.source.RunExtraction;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The synthesis over real Stage View answers ({@code ../shared/realdata/wfapi}): every run answer there gives a
 * consistent process map. Skipped when that folder is absent.
 */
public class RealWfapiAnswersTest {
    private static Path wfapi;

    @BeforeClass
    public static void findRealData() {
        String root = System.getProperty("valuestream.realdata");
        wfapi = root == null ? null : Path.of(root, "wfapi");
        if (wfapi == null || !Files.isDirectory(wfapi)) {
            System.out.println("SKIPPED RealWfapiAnswersTest: no real wfapi answers at " + wfapi
                    + " (set -Dvaluestream.realdata)");
        }
        assumeTrue("real data present", wfapi != null && Files.isDirectory(wfapi));
    }

    /** A run object with its stages' embedded {@code stageFlowNodes} ({@code runs?fullStages=true}). */
    public static WfapiRun withEmbeddedNodes(JsonNode node) throws MalformedAnswerException {
        WfapiRun run = WfapiParser.run(node);
        List<WfapiStage> stages = new ArrayList<>();
        for (int i = 0; i < run.stages().size(); i++) {
            JsonNode stage = node.path("stages").get(i);
            WfapiStage parsed = run.stages().get(i);
            stages.add(stage.has("stageFlowNodes")
                    ? parsed.withFlowNodes(WfapiParser.stageFlowNodes(stage, parsed.name())) : parsed);
        }
        return new WfapiRun(run.id(), run.name(), run.status(), run.startTimeMillis(), run.endTimeMillis(),
                run.durationMillis(), run.queueDurationMillis(), run.pauseDurationMillis(), stages);
    }

    /** A run object of a Stage View capture, and the file it came from. */
    public record RunAnswer(Path file, JsonNode run) {
    }

    /** Every run object of the Stage View captures under {@code wfapi}, file by file in name order. */
    public static List<RunAnswer> runAnswers(Path wfapi) throws IOException {
        List<RunAnswer> runs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(wfapi)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root;
                try {
                    root = WfapiParser.tree(Files.readString(file, StandardCharsets.UTF_8), file.toString());
                } catch (MalformedAnswerException e) {
                    continue;
                }
                for (JsonNode candidate : root.isArray() ? root : List.of(root)) {
                    if (candidate.has("status") && candidate.has("startTimeMillis") && !candidate.has("parentNodes")
                            && (candidate.has("stages") || candidate.has("queueDurationMillis"))) {
                        runs.add(new RunAnswer(file, candidate));
                    }
                }
            }
        }
        return runs;
    }

    /** The process map of every run answer that parses, numbered in order; why the others do not, in skipped. */
    private static List<ProcessMap> processMaps(List<String> skipped) throws IOException {
        List<ProcessMap> maps = new ArrayList<>();
        for (RunAnswer answer : runAnswers(wfapi)) {
            WfapiRun run;
            try {
                run = withEmbeddedNodes(answer.run());
            } catch (MalformedAnswerException e) {
                skipped.add(e.getMessage());
                continue;
            }
            maps.add(RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(run, maps.size() + 1),
                    run.startTimeMillis() + 86_400_000L));
        }
        return maps;
    }

    @Test
    public void everyRealRunGivesAConsistentProcessMap() throws Exception {
        int read = 0;
        int steps = 0;
        List<String> skipped = new ArrayList<>();
        for (ProcessMap map : processMaps(skipped)) {
            for (ProcessStep step : map.steps()) {
                assertThat(step.processMillis() + step.waitMillis()).as(step.displayName())
                        .isEqualTo(step.elapsedMillis());
            }
            assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
            assertThat(map.waits().known(WaitCause.AGENT)).isFalse();
            assertThat(map.queuedAt()).isNull();
            read++;
            steps += map.steps().size();
        }
        System.out.println("Real wfapi answers: " + read + " runs, " + steps + " steps, skipped " + skipped);
        assertThat(read).isGreaterThanOrEqualTo(50);
        assertThat(skipped).isEmpty();
    }

    @Test
    public void theCiJenkinsRunKeepsItsFourteenStagesAndParallelPlatforms() throws Exception {
        Path file = wfapi.resolve("janfaracik-stageview-cijenkins/wfapi_runs_core-jenkins-master-5198.json");
        assumeTrue("ci.jenkins.io capture present", Files.isRegularFile(file));
        JsonNode answer = WfapiParser.tree(Files.readString(file, StandardCharsets.UTF_8), "capture").get(0);
        WfapiRun run = withEmbeddedNodes(answer);

        ProcessMap map = RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(run, 5198), 0);

        assertThat(map.steps().stream().filter(s -> !s.path().equals(StepPath.OUTSIDE))).hasSize(14);
        assertThat(map.leadTimeMillis()).isEqualTo(10_249_666);
        ProcessStep build = map.step(StepPath.of("Linux - JDK 17 - Build / Test")).orElseThrow();
        assertThat(build.elapsedMillis()).isEqualTo(6_964_272);
        assertThat(build.parallelGroup()).isNotNull();
        assertThat(map.step(StepPath.of("Windows - JDK 17 - Build / Test")).orElseThrow().parallelGroup())
                .isEqualTo(build.parallelGroup());
        assertThat(map.step(StepPath.of("Deploy")).orElseThrow().parallelGroup()).isNull();
        // Four platforms worked side by side for hours: the run's process time is far below their summed effort.
        long effort = map.steps().stream().mapToLong(ProcessStep::effortMillis).sum();
        assertThat(map.processMillis()).isLessThan(effort / 2);
    }

    @Test
    public void everyRealRunsCriticalPathAddsUpToItsLeadTime() throws Exception {
        processMaps(new ArrayList<>()).forEach(CriticalPathChecks::assertPartsAddUpToTheLeadTime);
    }

    @Test
    public void everyRealStepsExclusiveTimeIsTheDropOfTheLeadTimeWithoutIt() throws Exception {
        int branches = 0;
        for (ProcessMap map : processMaps(new ArrayList<>())) {
            branches += CriticalPathChecks.assertExclusiveTimesAreTheDropsWithoutTheStep(map);
        }
        System.out.println("Critical path on real wfapi answers: " + branches + " parallel branches checked");
        assertThat(branches).isPositive();
    }
}
