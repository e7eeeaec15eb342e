package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The role bits of step functions, and the lookup cache that remembers them during one extraction. */
public class FunctionRolesTest {

    @Test
    public void aFunctionInSeveralOfTheStepFunctionSetsHasAllTheirRoles() {
        FunctionRoles roles = new FunctionRoles();

        assertThat(roles.of(StepFunctions.WAIT_UNTIL))
                .isEqualTo(FunctionRoles.NOT_WORK | FunctionRoles.SLEEP_STEP | FunctionRoles.WAIT_UNTIL);
        assertThat(roles.of(StepFunctions.NODE)).isEqualTo(FunctionRoles.AGENT_BLOCK | FunctionRoles.NOT_WORK);
        assertThat(roles.of("org.jenkinsci.plugins.workflow.steps.EnvStep"))
                .isEqualTo(FunctionRoles.NOT_WORK | FunctionRoles.CONTEXT);
        assertThat(roles.of(StepFunctions.SHELL)).isZero();
    }

    @Test
    public void functionsThatShareACacheSlotEachKeepTheirOwnRoles() {
        FunctionRoles roles = new FunctionRoles();
        // Far more names than the cache has slots, so that some land in the slot of a function with roles.
        List<String> unknown = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            unknown.add("com.example.Step" + n);
        }

        for (int round = 0; round < 2; round++) {
            for (String name : unknown) {
                assertThat(roles.of(name)).as(name).isZero();
                assertThat(roles.of(StepFunctions.STAGE)).isEqualTo(FunctionRoles.STAGE | FunctionRoles.NOT_WORK);
                assertThat(roles.of(StepFunctions.PARALLEL))
                        .isEqualTo(FunctionRoles.PARALLEL | FunctionRoles.NOT_WORK);
            }
        }
    }

    @Test
    public void anEqualStringThatIsNotTheSameObjectHasTheSameRoles() {
        FunctionRoles roles = new FunctionRoles();
        String copy = new String(StepFunctions.LOCK);

        assertThat(roles.of(StepFunctions.LOCK)).isEqualTo(roles.of(copy))
                .isEqualTo(FunctionRoles.LOCK | FunctionRoles.NOT_WORK);
    }
}
