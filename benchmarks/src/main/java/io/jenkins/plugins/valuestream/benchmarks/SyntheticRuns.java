package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The flow graphs the benchmarks work on, written by {@link FlowGraphBuilder} the way Jenkins records them, with
 * durations drawn from a seeded random source so that every run of the benchmarks sees the same data.
 */
public final class SyntheticRuns {
    /** When the first synthetic run started. */
    public static final long T0 = 1_717_000_000_000L;

    private SyntheticRuns() {
    }

    /**
     * One run of at least {@code minimumNodes} flow nodes: stages, each with a {@code parallel} of eight branches on
     * agents doing a checkout and shell steps, one of them retried, until the graph is large enough.
     */
    public static FlowGraph largeGraph(int minimumNodes) {
        Random random = new Random(10_000);
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        FlowGraph graph = run.running();
        for (int stage = 0; graph.size() < minimumNodes; stage++) {
            int number = stage;
            Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
            for (int b = 0; b < 8; b++) {
                String name = "shard " + b;
                branches.put(name, s -> s.node("linux", random.nextInt(30_000), n -> {
                    n.checkout(random.nextInt(10_000));
                    n.sh("./gradlew test --shard " + name, random.nextInt(120_000));
                    n.retry("flaky", a -> a.sh("./gradlew integrationTest", random.nextInt(60_000)),
                            a -> a.sh("./gradlew integrationTest", random.nextInt(60_000)));
                    n.sh("./publish-results.sh", random.nextInt(5_000));
                }));
            }
            run.stage("Stage " + number, s -> s.parallel(branches));
            graph = run.running();
        }
        return run.finish();
    }

    /** The Jenkinsfile of the 30-step pipeline of {@link #thirtyStepRun}, as Jenkins keeps it in build.xml. */
    public static final String THIRTY_STEP_JENKINSFILE = """
            def checks(names) {
                names.collectEntries { name ->
                    [(name): { stage(name) { node('linux') { sh "./gradlew check -P${name.replace(' ', '-')}" } } }]
                }
            }
            stage('Checkout') { node('linux') { checkout scm } }
            stage('Build') { node('linux && docker') { sh './gradlew assemble' } }
            stage('Static analysis') { parallel checks(['Lint', 'Sonar', 'Licenses']) }
            stage('Test') {
                parallel checks(['Unit', 'Integration', 'UI chrome', 'UI firefox', 'Contract', 'Performance',
                                 'Security', 'Migration'])
            }
            stage('Package') {
                node('linux && docker') {
                    processStep('Image') { sh "docker build -t shop:${BUILD_NUMBER} ." }
                    processStep('Scan') { sh "trivy image shop:${BUILD_NUMBER}" }
                }
            }
            stage('Publish') { node('linux') { sh "docker push shop:${BUILD_NUMBER}" } }
            stage('Deploy') {
                stage('Staging') { lock('staging') { sh './deploy.sh staging' } }
                stage('Smoke tests') { node('linux') { sh './smoke.sh staging' } }
                stage('Production') { sh './deploy.sh production' }
            }
            stage('Approve') { input "Release build ${BUILD_NUMBER}?" }
            stage('Release') {
                stage('Tag') { sh "git tag v${BUILD_NUMBER}" }
                stage('Changelog') { sh './changelog.sh' }
                stage('Announce') { echo "Released ${BUILD_NUMBER}" }
            }
            stage('Notify') { echo 'done' }
            """;

    /** A run of a 30-step pipeline and what Jenkins knows about the run, ready for extraction. */
    public record Recorded(RunInfo info, FlowGraph graph) {
        public ProcessMap extract() {
            return ProcessMapExtractor.extract(info, graph, Long.MAX_VALUE);
        }
    }

    /**
     * Run {@code number} of a job whose pipeline has 30 process-map steps: ten top-level stages, parallel static
     * analysis and test stages, nested deploy and release stages, a {@code processStep}, and the implicit outside
     * step. The durations vary with {@code variant}.
     */
    public static Recorded thirtyStepRun(int number, int variant) {
        Random random = new Random(variant * 7919L);
        long startedAt = T0 + number * 1_800_000L;
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(startedAt);
        run.stage("Checkout", s -> s.node("linux", ms(random, 20_000), n -> n.checkout(ms(random, 15_000))));
        run.stage("Build", s -> s.node("linux && docker", ms(random, 60_000),
                n -> n.sh("./gradlew assemble", ms(random, 240_000))));
        run.stage("Static analysis", s -> s.parallelStages(branches(random, "Lint", "Sonar", "Licenses")));
        run.stage("Test", s -> s.parallelStages(branches(random, "Unit", "Integration", "UI chrome", "UI firefox",
                "Contract", "Performance", "Security", "Migration")));
        run.stage("Package", s -> s.node("linux && docker", ms(random, 30_000), n -> n
                .processStep("Image", p -> p.sh("docker build -t shop:" + number + " .", ms(random, 90_000)))
                .processStep("Scan", p -> p.sh("trivy image shop:" + number, ms(random, 40_000)))));
        run.stage("Publish", s -> s.node("linux", ms(random, 10_000),
                n -> n.sh("docker push shop:" + number, ms(random, 30_000))));
        run.stage("Deploy", s -> s
                .stage("Staging", st -> st.lock("staging", ms(random, 60_000),
                        l -> l.sh("./deploy.sh staging", ms(random, 45_000))))
                .stage("Smoke tests", st -> st.node("linux", ms(random, 10_000),
                        n -> n.sh("./smoke.sh staging", ms(random, 30_000))))
                .stage("Production", st -> st.sh("./deploy.sh production", ms(random, 45_000))));
        run.stage("Approve", s -> s.input("Release build " + number + "?", ms(random, 900_000)));
        run.stage("Release", s -> s
                .stage("Tag", st -> st.sh("git tag v" + number, ms(random, 3_000)))
                .stage("Changelog", st -> st.sh("./changelog.sh", ms(random, 8_000)))
                .stage("Announce", st -> st.echo("Released " + number)));
        run.stage("Notify", s -> s.echo("done"));
        FlowGraph graph = run.finish();
        return new Recorded(run.runInfo(number, RunResult.SUCCESS, (long) ms(random, 120_000)), graph);
    }

    private static Map<String, Consumer<FlowGraphBuilder.Scope>> branches(Random random, String... names) {
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        for (String name : names) {
            long wait = ms(random, 40_000);
            long work = ms(random, 180_000);
            branches.put(name, s -> s.node("linux", wait, n -> n.sh("./gradlew check -P" + name.replace(' ', '-'),
                    work)));
        }
        return branches;
    }

    /**
     * {@code count} runs of the 30-step pipeline, numbered from 1. Their graphs (and times) cycle through
     * {@code shapes} variants (a job's runs have the same shape; keeping 10,000 distinct graphs in memory would
     * measure the heap, not the code).
     */
    public static List<Recorded> thirtyStepRuns(int count, int shapes) {
        List<Recorded> runs = new ArrayList<>(count);
        List<Recorded> variants = new ArrayList<>(shapes);
        for (int v = 0; v < shapes; v++) {
            variants.add(thirtyStepRun(v + 1, v));
        }
        for (int number = 1; number <= count; number++) {
            Recorded variant = variants.get((number - 1) % shapes);
            RunInfo info = variant.info();
            runs.add(new Recorded(new RunInfo(number, info.result(), info.queuedAt(), info.startedAt(),
                    info.completedAt()), variant.graph()));
        }
        return runs;
    }

    private static int ms(Random random, int max) {
        return random.nextInt(max);
    }
}
