package io.jenkins.plugins.valuestream.codec;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.budget.BudgetResult;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class BudgetVerdictCodecTest {
    private static final long MINUTE = 60_000;

    /** A verdict with every field of every check set to something other than its default. */
    private static BudgetVerdict everyField() {
        BudgetCheck wait = new BudgetCheck(BudgetKind.WAIT, 15 * MINUTE, 17 * MINUTE, StepPath.of("Deploy", "EU/West"),
                2, WaitCause.LOCK, Set.of(WaitCause.QUEUE, WaitCause.AGENT), true);
        BudgetCheck stepWait = new BudgetCheck(BudgetKind.STEP_WAIT, 5 * MINUTE, MINUTE,
                StepPath.of("Manual \"QA\" <b>"), 1, WaitCause.INPUT, Set.of(), false);
        return new BudgetVerdict(List.of(wait, stepWait), BudgetResult.UNSTABLE, 1_717_401_600_000L, 4 * MINUTE);
    }

    @Test
    public void everyFieldReadsBackEqual() {
        BudgetVerdict verdict = everyField();

        assertThat(BudgetVerdictCodec.read(BudgetVerdictCodec.write(verdict))).isEqualTo(verdict);
    }

    @Test
    public void aCheckWithoutStepCauseOrUnknownsReadsBackEqual() {
        BudgetCheck lead = new BudgetCheck(BudgetKind.LEAD_TIME, 60 * MINUTE, 0, null, 0, null, Set.of(), false);
        BudgetVerdict verdict = new BudgetVerdict(List.of(lead), BudgetResult.FAILURE, 5, null);

        String text = BudgetVerdictCodec.write(verdict);

        assertThat(BudgetVerdictCodec.read(text)).isEqualTo(verdict);
        assertThat(text).doesNotContain("step").doesNotContain("mainCause").doesNotContain("remaining")
                .doesNotContain("open");
    }

    @Test
    public void theVerdictOfARunningRunReadsBackWithItsMessages() {
        ProcessMap running = run(4).queued(MINUTE).runningFor(20 * MINUTE)
                .step("Build", s -> s.at(4 * MINUTE).waited(WaitCause.AGENT, 16 * MINUTE).result(StepResult.RUNNING))
                .build();
        BudgetVerdict verdict = BudgetEvaluator.evaluate(BudgetSpec.parse("15m", "1h", null, "ABORTED"), running);

        BudgetVerdict back = BudgetVerdictCodec.read(BudgetVerdictCodec.write(verdict));

        assertThat(back).isEqualTo(verdict);
        assertThat(back.checks()).extracting(BudgetCheck::message)
                .isEqualTo(verdict.checks().stream().map(BudgetCheck::message).toList());
    }

    @Test
    public void theFormStartsWithItsFormat() {
        assertThat(BudgetVerdictCodec.write(everyField())).startsWith("{\"format\":" + BudgetVerdictCodec.FORMAT + ",");
    }

    @Test
    public void aNewerFormatIsRefusedNotMisread() {
        String newer = BudgetVerdictCodec.write(everyField()).replace("\"format\":1", "\"format\":2");

        assertThatThrownBy(() -> BudgetVerdictCodec.read(newer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stored budget verdict has format 2; this version reads format 1 only");
    }

    @Test
    public void textThatIsNotJsonIsRefusedWithAReason() {
        assertThatThrownBy(() -> BudgetVerdictCodec.read("kept"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a stored budget verdict");
    }

    @Test
    public void aCheckWithoutItsLimitIsRefusedNamingTheField() {
        String broken = "{\"format\":1,\"result\":\"FAILURE\",\"asOf\":2,"
                + "\"checks\":[{\"kind\":\"WAIT\",\"actual\":3}]}";

        assertThatThrownBy(() -> BudgetVerdictCodec.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stored budget verdict: a check lacks 'limit'");
    }

    @Test
    public void anUnknownKindIsRefusedNamingIt() {
        String broken = "{\"format\":1,\"result\":\"FAILURE\",\"asOf\":2,"
                + "\"checks\":[{\"kind\":\"COFFEE\",\"limit\":1,\"actual\":3}]}";

        assertThatThrownBy(() -> BudgetVerdictCodec.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stored budget verdict: unknown kind 'COFFEE'");
    }
}
