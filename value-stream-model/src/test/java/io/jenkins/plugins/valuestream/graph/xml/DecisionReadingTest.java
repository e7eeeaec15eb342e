package io.jenkins.plugins.valuestream.graph.xml;

import static io.jenkins.plugins.valuestream.graph.xml.FixtureHome.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Who decided an {@code input} and what interrupted a step, as the flow node XML records them: the approver of
 * {@code InputSubmittedAction}, and the causes of a {@code FlowInterruptedException} (Rejection, UserInterruption,
 * ExceededTimeout) in the list or array XStream wraps them in.
 */
public class DecisionReadingTest {
    private static final String INTERRUPTED = "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private RunRecord run;

    @Before
    public void writeRun() throws IOException {
        Path home = FixtureHome.copy(temp);
        FixtureHome.write(home.resolve("jobs/mobile/branches/main/builds/4/workflow-completed/flowNodeStore.xml"), """
                <?xml version='1.1' encoding='UTF-8'?>
                <map>
                  <entry>
                    <string>5</string>
                    <Tag>
                      <node class="cps.n.StepAtomNode"><parentIds/><id>5</id>
                        <descriptorId>org.jenkinsci.plugins.workflow.support.steps.input.InputStep</descriptorId></node>
                      <actions>
                        <s.a.PauseAction><cause>Input</cause><startTime>10</startTime><endTime>20</endTime></s.a.PauseAction>
                        <org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction plugin="pipeline-input-step@2.12">
                          <parameters class="linked-hash-map"/>
                          <approver>alice</approver>
                        </org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>6</string>
                    <Tag>
                      <node class="cps.n.StepAtomNode"><parentIds><string>5</string></parentIds><id>6</id>
                        <descriptorId>org.jenkinsci.plugins.workflow.support.steps.input.InputStep</descriptorId></node>
                      <actions>
                        <wf.a.ErrorAction plugin="workflow-api@2.40">
                          <error class="org.jenkinsci.plugins.workflow.steps.FlowInterruptedException">
                            <stackTrace><trace>InputStepExecution.doAbort(InputStepExecution.java:231)</trace></stackTrace>
                            <result><name>ABORTED</name><ordinal>4</ordinal></result>
                            <causes class="java.util.Arrays$ArrayList">
                              <a class="jenkins.model.CauseOfInterruption-array">
                                <org.jenkinsci.plugins.workflow.support.steps.input.Rejection plugin="pipeline-input-step@2.12">
                                  <userName>bob</userName>
                                  <timestamp>1603286128616</timestamp>
                                </org.jenkinsci.plugins.workflow.support.steps.input.Rejection>
                              </a>
                            </causes>
                            <actualInterruption>true</actualInterruption>
                          </error>
                        </wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>7</string>
                    <Tag>
                      <node class="cps.n.StepEndNode"><parentIds><string>6</string></parentIds>
                        <id>7</id><startId>4</startId></node>
                      <actions>
                        <wf.a.ErrorAction><error class="org.jenkinsci.plugins.workflow.steps.FlowInterruptedException"
                            reference="../../../../../entry[2]/Tag/actions/wf.a.ErrorAction/error"/></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>8</string>
                    <Tag>
                      <node class="cps.n.StepAtomNode"><parentIds><string>7</string></parentIds><id>8</id></node>
                      <actions>
                        <wf.a.ErrorAction><error class="org.jenkinsci.plugins.workflow.steps.FlowInterruptedException">
                          <causes class="com.google.common.collect.ImmutableList">
                            <jenkins.model.CauseOfInterruption_-UserInterruption><user>carol</user></jenkins.model.CauseOfInterruption_-UserInterruption>
                          </causes>
                        </error></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>9</string>
                    <Tag>
                      <node class="cps.n.StepEndNode"><parentIds><string>8</string></parentIds><id>9</id>
                        <startId>3</startId></node>
                      <actions>
                        <wf.a.ErrorAction><error class="org.jenkinsci.plugins.workflow.steps.FlowInterruptedException">
                          <causes class="java.util.Arrays$ArrayList"><a class="jenkins.model.CauseOfInterruption-array">
                            <org.jenkinsci.plugins.workflow.steps.TimeoutStepExecution_-ExceededTimeout/>
                          </a></causes>
                        </error></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                </map>
                """);
        Path builds = BuildFolderReader.findJobs(home).get("mobile/main");
        ReadReport report = new BuildFolderReader().readRun("mobile/main", builds.resolve("4"));
        assertThat(report.skipped()).isEmpty();
        run = report.runs().get(0);
    }

    @Test
    public void anApprovedInputNamesItsApprover() {
        GraphNode input = node(run, "5");

        assertThat(input.decidedBy()).isEqualTo("alice");
        assertThat(input.error()).isNull();
    }

    @Test
    public void aRejectedInputNamesWhoRejectedItAsJenkinsDescribesIt() {
        GraphNode input = node(run, "6");

        assertThat(input.error()).isEqualTo(INTERRUPTED + ": Rejected by bob");
        assertThat(input.decidedBy()).isEqualTo("bob");
    }

    @Test
    public void aReferenceToAnInterruptionKeepsItsTextAndItsUser() {
        GraphNode end = node(run, "7");

        assertThat(end.error()).isEqualTo(INTERRUPTED + ": Rejected by bob");
        assertThat(end.decidedBy()).isEqualTo("bob");
    }

    @Test
    public void anAbortOfTheRunNamesTheUserFromAnImmutableListOfCauses() {
        GraphNode atom = node(run, "8");

        assertThat(atom.error()).isEqualTo(INTERRUPTED + ": Aborted by carol");
        assertThat(atom.decidedBy()).isEqualTo("carol");
    }

    @Test
    public void aTimeoutNamesNoUser() {
        GraphNode end = node(run, "9");

        assertThat(end.error()).isEqualTo(INTERRUPTED + ": Timeout has been exceeded");
        assertThat(end.decidedBy()).isNull();
    }
}
