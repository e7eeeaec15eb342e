package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** How build.xml becomes a RunInfo: start, completion, queue entry, number. */
public class RunInfoReadingTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BuildFolderReader reader = new BuildFolderReader();
    private Path home;

    @Before
    public void copyHome() throws IOException {
        home = FixtureHome.copy(temp);
    }

    @Test
    public void aCompletedRunStartsAtStartTimeAndCompletesDurationLater() {
        RunInfo info = shopRun(1).info();

        assertThat(info.number()).isEqualTo(1);
        assertThat(info.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(info.startedAt()).isEqualTo(1718000000115L);
        assertThat(info.completedAt()).isEqualTo(1718000000115L + 95200);
    }

    @Test
    public void theQueueEntryIsTheTimestampLessTheMetricsPluginsQueuingDuration() {
        RunInfo info = shopRun(1).info();

        // timestamp 1718000000100 - TimeInQueueAction 4500 (not the SubTaskTimeInQueueAction's 3001)
        assertThat(info.queuedAt()).isEqualTo(1717999995600L);
        assertThat(info.queueMillis()).isEqualTo(4515L);
    }

    @Test
    public void withoutTheMetricsPluginTheQueueEntryIsUnknown() {
        RunInfo info = shopRun(2).info();

        assertThat(info.queuedAt()).isNull();
        assertThat(info.queueMillis()).isNull();
    }

    @Test
    public void aRunWithoutResultIsStillRunning() {
        RunInfo info = shopRun(2).info();

        assertThat(info.result()).isNull();
        assertThat(info.completedAt()).isNull();
        assertThat(info.running()).isTrue();
        assertThat(info.startedAt()).isEqualTo(1718100000020L);
    }

    @Test
    public void theNumberComesFromTheFolderWhenBuildXmlHasNone() throws IOException {
        assertThat(FixtureHome.read(home.resolve("jobs/shop/builds/3/build.xml"))).doesNotContain("<number>");

        assertThat(shopRun(3).number()).isEqualTo(3);
    }

    @Test
    public void aNumberThatDiffersFromTheFolderNameIsKeptWithAWarning() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/3/build.xml"), "<queueId>", "<number>8</number>\n  <queueId>");

        RunRecord run = shopRun(3);

        assertThat(run.number()).isEqualTo(8);
        assertThat(run.warnings()).containsExactly("build.xml gives number 8 but the folder is named 3; read as #8");
    }

    @Test
    public void aQueueEntryAfterTheStartIsTakenAsTheStartWithAWarning() throws IOException {
        // Clocks that disagree: left the queue 9 s after it started executing, queued for 2 s.
        Path buildXml = home.resolve("jobs/shop/builds/1/build.xml");
        FixtureHome.replace(buildXml, "<timestamp>1718000000100</timestamp>", "<timestamp>1718000009115</timestamp>");
        FixtureHome.replace(buildXml, "<queuingDurationMillis>4500</queuingDurationMillis>",
                "<queuingDurationMillis>2000</queuingDurationMillis>");

        RunRecord run = shopRun(1);

        assertThat(run.info().queuedAt()).isEqualTo(run.info().startedAt());
        assertThat(run.warnings()).singleElement().asString().contains("falls after the start");
    }

    @Test
    public void withoutStartTimeTheTimestampIsTheStart() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/3/build.xml"), "<startTime>1718200000010</startTime>",
                "");

        RunRecord run = shopRun(3);

        assertThat(run.info().startedAt()).isEqualTo(1718200000000L);
        assertThat(run.info().completedAt()).isEqualTo(1718200000000L + 12000);
        assertThat(run.warnings()).containsExactly("build.xml has no startTime; its timestamp is taken as the start");
    }

    @Test
    public void aRunWithNeitherStartTimeNorTimestampIsSkipped() throws IOException {
        Path buildXml = home.resolve("jobs/shop/builds/3/build.xml");
        FixtureHome.replace(buildXml, "<startTime>1718200000010</startTime>", "");
        FixtureHome.replace(buildXml, "<timestamp>1718200000000</timestamp>", "");

        ReadReport report = reader.readRun("shop", home.resolve("jobs/shop/builds/3"));

        assertThat(report.runs()).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .isEqualTo("build.xml: neither <startTime> nor <timestamp>: when the run started is unknown"));
    }

    @Test
    public void aResultJenkinsDoesNotWriteIsReadAsAFailureWithAWarning() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/3/build.xml"), "\n  <result>FAILURE</result>",
                "\n  <result>BROKEN</result>");

        RunRecord run = shopRun(3);

        assertThat(run.info().result()).isEqualTo(RunResult.FAILURE);
        assertThat(run.warnings()).containsExactly("build.xml gives the result 'BROKEN', which is none of "
                + "[SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED]; taken as FAILURE");
    }

    @Test
    public void theResultOfTheFlowExecutionIsNotTheResultOfTheRun() throws IOException {
        // A running run's execution already carries <result>SUCCESS</result>; only the top-level one counts.
        assertThat(FixtureHome.read(home.resolve("jobs/shop/builds/2/build.xml")))
                .contains("<execution class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowExecution\">\n    <result>SUCCESS");

        assertThat(shopRun(2).info().result()).isNull();
    }

    private RunRecord shopRun(int number) {
        ReadReport report = reader.readRun("shop", home.resolve("jobs/shop/builds/" + number));
        assertThat(report.skipped()).isEmpty();
        assertThat(report.runs()).hasSize(1);
        return report.runs().get(0);
    }

    private static final String CAUSES = """
                <hudson.model.CauseAction>
                  <causeBag class="linked-hash-map">
                    <entry>
                      <org.jenkinsci.plugins.workflow.support.steps.build.BuildUpstreamCause>
                        <upstreamProject>team/build</upstreamProject>
                        <upstreamUrl>job/team/job/build/</upstreamUrl>
                        <upstreamBuild>41</upstreamBuild>
                        <upstreamCauses>
                          <hudson.model.Cause_-UpstreamCause>
                            <upstreamProject>nightly</upstreamProject>
                            <upstreamUrl>job/nightly/</upstreamUrl>
                            <upstreamBuild>7</upstreamBuild>
                          </hudson.model.Cause_-UpstreamCause>
                        </upstreamCauses>
                        <upstreamNodeId>23</upstreamNodeId>
                      </org.jenkinsci.plugins.workflow.support.steps.build.BuildUpstreamCause>
                      <int>1</int>
                    </entry>
                    <entry>
                      <hudson.model.Cause_-UpstreamCause>
                        <upstreamProject>lib</upstreamProject>
                        <upstreamUrl>job/lib/</upstreamUrl>
                        <upstreamBuild>3</upstreamBuild>
                      </hudson.model.Cause_-UpstreamCause>
                      <int>1</int>
                    </entry>
                  </causeBag>
                </hudson.model.CauseAction>
            """;

    @Test
    public void upstreamCausesAreTheCauseActionsOwnInTheOrderWritten() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/1/build.xml"), "<actions>", "<actions>\n" + CAUSES);

        RunInfo info = shopRun(1).info();

        assertThat(info.upstream()).containsExactly(new UpstreamCause("team/build", 41, "23"),
                UpstreamCause.of("lib", 3));
    }

    @Test
    public void aRunStartedByAPersonHasNoUpstreamCause() {
        assertThat(shopRun(1).info().upstream()).isEmpty();
    }

    @Test
    public void anUpstreamCauseWithoutABuildNumberIsLeftOutWithAWarning() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/1/build.xml"), "<actions>", "<actions>\n"
                + CAUSES.replace("<upstreamBuild>3</upstreamBuild>", "<upstreamBuild>three</upstreamBuild>"));

        RunRecord run = shopRun(1);

        assertThat(run.info().upstream()).containsExactly(new UpstreamCause("team/build", 41, "23"));
        assertThat(run.warnings()).containsExactly("an upstream cause without a build number ('three') is left out");
    }

    @Test
    public void aReaderOfEveryBuildReadsAFreestyleBuildAsARunWithoutFlowGraph() {
        ReadReport report = BuildFolderReader.everyBuild().readRun("freestyle",
                home.resolve("jobs/freestyle/builds/1"));

        assertThat(report.otherBuilds()).isZero();
        assertThat(report.runs()).singleElement().satisfies(run -> {
            assertThat(run.pipeline()).isFalse();
            assertThat(run.graph()).isNull();
            assertThat(run.info().startedAt()).isEqualTo(1718000000005L);
            assertThat(run.info().completedAt()).isEqualTo(1718000000005L + 2000);
            assertThat(run.warnings()).isEmpty();
        });
    }
}
