package io.jenkins.plugins.valuestream.graph;

import java.util.Set;

/**
 * The step descriptor ids that the extraction gives a meaning to (see docs/architecture.md). Everything else is either
 * structure (a wrapper block) or work.
 */
public final class StepFunctions {
    public static final String STAGE = "org.jenkinsci.plugins.workflow.support.steps.StageStep";
    public static final String NODE = "org.jenkinsci.plugins.workflow.support.steps.ExecutorStep";
    public static final String PARALLEL = "org.jenkinsci.plugins.workflow.cps.steps.ParallelStep";
    public static final String INPUT = "org.jenkinsci.plugins.workflow.support.steps.input.InputStep";
    public static final String SLEEP = "org.jenkinsci.plugins.workflow.steps.SleepStep";
    public static final String WAIT_UNTIL = "org.jenkinsci.plugins.workflow.steps.WaitForConditionStep";
    public static final String LOCK = "org.jenkins.plugins.lockableresources.LockStep";
    public static final String RETRY = "org.jenkinsci.plugins.workflow.steps.RetryStep";
    public static final String BUILD = "org.jenkinsci.plugins.workflow.support.steps.build.BuildTriggerStep";
    /** This plugin's {@code processStep} block: an explicit process-map step. */
    public static final String PROCESS_STEP = "io.jenkins.plugins.valuestream.steps.ProcessStepStep";
    /** This plugin's {@code valueStream} block: structure only. */
    public static final String VALUE_STREAM = "io.jenkins.plugins.valuestream.steps.ValueStreamStep";

    // Work and small utility steps, named once for the readers, the graph builder and the sets below.
    public static final String SHELL = "org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep";
    public static final String BATCH = "org.jenkinsci.plugins.workflow.steps.durable_task.BatchScriptStep";
    public static final String POWERSHELL = "org.jenkinsci.plugins.workflow.steps.durable_task.PowershellScriptStep";
    public static final String PWSH = "org.jenkinsci.plugins.workflow.steps.durable_task.PowerShellCoreScriptStep";
    public static final String CHECKOUT = "org.jenkinsci.plugins.workflow.steps.scm.GenericSCMStep";
    public static final String GIT = "jenkins.plugins.git.GitStep";
    public static final String ECHO = "org.jenkinsci.plugins.workflow.steps.EchoStep";
    public static final String ERROR = "org.jenkinsci.plugins.workflow.steps.ErrorStep";
    public static final String IS_UNIX = "org.jenkinsci.plugins.workflow.steps.IsUnixStep";
    public static final String READ_FILE = "org.jenkinsci.plugins.workflow.steps.ReadFileStep";
    public static final String WRITE_FILE = "org.jenkinsci.plugins.workflow.steps.WriteFileStep";
    public static final String FILE_EXISTS = "org.jenkinsci.plugins.workflow.steps.FileExistsStep";
    public static final String PWD = "org.jenkinsci.plugins.workflow.steps.PwdStep";
    public static final String DELETE_DIR = "org.jenkinsci.plugins.workflow.steps.DeleteDirStep";
    public static final String STASH = "org.jenkinsci.plugins.workflow.support.steps.stash.StashStep";
    public static final String UNSTASH = "org.jenkinsci.plugins.workflow.support.steps.stash.UnstashStep";

    /** Blocks whose body starts only once an agent (executor, container) has been allocated. */
    public static final Set<String> AGENT_BLOCKS = Set.of(
            NODE,
            "io.jenkins.docker.pipeline.DockerNodeStep",
            "org.jenkinsci.plugins.docker.workflow.WithContainerStep",
            "org.jenkinsci.plugins.docker.workflow.DockerDSL",
            "org.csanchez.jenkins.plugins.kubernetes.pipeline.PodTemplateStep");

    /**
     * Blocks that change what the work inside them sees, so that the same step inside two of them with different
     * arguments is different work: {@code withEnv} (also Declarative {@code environment}, {@code tools} and matrix
     * axes), {@code withCredentials}, {@code dir}, {@code ws}, a Kubernetes {@code container}, {@code wrap},
     * {@code withMaven}, {@code nodejs}.
     */
    public static final Set<String> CONTEXT_BLOCKS = Set.of(
            "org.jenkinsci.plugins.workflow.steps.EnvStep",
            "org.jenkinsci.plugins.credentialsbinding.impl.BindingStep",
            "org.jenkinsci.plugins.workflow.steps.PushdStep",
            "org.jenkinsci.plugins.workflow.support.steps.WorkspaceStep",
            "org.csanchez.jenkins.plugins.kubernetes.pipeline.ContainerStep",
            "org.jenkinsci.plugins.workflow.steps.CoreWrapperStep",
            "org.jenkinsci.plugins.pipeline.maven.WithMavenStep",
            "jenkins.plugins.nodejs.NodeJSStep");

    /** Steps that fetch sources into the workspace: repeated on several agents, {@code stash} is the choice. */
    public static final Set<String> CHECKOUTS = Set.of(CHECKOUT, GIT, "hudson.scm.SubversionSCMStep");

    /** Shell steps, whose script may be an install of dependencies. */
    public static final Set<String> SCRIPTS = Set.of(SHELL, BATCH, POWERSHELL, PWSH);

    /** Steps that wait for time to pass. */
    public static final Set<String> SLEEP_STEPS = Set.of(SLEEP, WAIT_UNTIL);

    /**
     * Steps that are never counted as duplicated work: they do no work worth redoing or are meant to repeat.
     * Short names and descriptor ids alike.
     */
    public static final Set<String> NOT_WORK = Set.of(
            STAGE, NODE, PARALLEL, INPUT, SLEEP, WAIT_UNTIL, LOCK, RETRY, PROCESS_STEP, VALUE_STREAM,
            ECHO,
            ERROR,
            PWD,
            IS_UNIX,
            FILE_EXISTS,
            READ_FILE,
            WRITE_FILE,
            "org.jenkinsci.plugins.workflow.steps.EnvStep",
            "org.jenkinsci.plugins.workflow.steps.TimeoutStep",
            "org.jenkinsci.plugins.workflow.steps.CatchErrorStep",
            "org.jenkinsci.plugins.workflow.steps.CoreWrapperStep",
            "org.jenkinsci.plugins.workflow.steps.WithContextStep",
            DELETE_DIR,
            "org.jenkinsci.plugins.pipeline.modeldefinition.steps.ScriptStep",
            "org.jenkinsci.plugins.credentialsbinding.impl.BindingStep",
            STASH,
            UNSTASH);

    private StepFunctions() {
    }

    private static final java.util.Map<String, String> SYMBOLS = java.util.Map.ofEntries(
            java.util.Map.entry(SHELL, "sh"),
            java.util.Map.entry(BATCH, "bat"),
            java.util.Map.entry(POWERSHELL, "powershell"),
            java.util.Map.entry(PWSH, "pwsh"),
            java.util.Map.entry(CHECKOUT, "checkout"),
            java.util.Map.entry(GIT, "git"),
            java.util.Map.entry(STAGE, "stage"),
            java.util.Map.entry(NODE, "node"),
            java.util.Map.entry(PARALLEL, "parallel"),
            java.util.Map.entry(INPUT, "input"),
            java.util.Map.entry(SLEEP, "sleep"),
            java.util.Map.entry(WAIT_UNTIL, "waitUntil"),
            java.util.Map.entry(LOCK, "lock"),
            java.util.Map.entry(RETRY, "retry"),
            java.util.Map.entry(BUILD, "build"),
            java.util.Map.entry(PROCESS_STEP, "processStep"),
            java.util.Map.entry(VALUE_STREAM, "valueStream"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.steps.EnvStep", "withEnv"),
            java.util.Map.entry("org.jenkinsci.plugins.credentialsbinding.impl.BindingStep", "withCredentials"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.steps.PushdStep", "dir"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.support.steps.WorkspaceStep", "ws"),
            java.util.Map.entry("org.csanchez.jenkins.plugins.kubernetes.pipeline.ContainerStep", "container"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.steps.CoreWrapperStep", "wrap"),
            java.util.Map.entry("org.jenkinsci.plugins.pipeline.maven.WithMavenStep", "withMaven"),
            java.util.Map.entry("jenkins.plugins.nodejs.NodeJSStep", "nodejs"),
            java.util.Map.entry(ERROR, "error"),
            java.util.Map.entry(ECHO, "echo"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.steps.TimeoutStep", "timeout"),
            java.util.Map.entry("org.jenkinsci.plugins.workflow.steps.CatchErrorStep", "catchError"),
            java.util.Map.entry(STASH, "stash"),
            java.util.Map.entry(UNSTASH, "unstash"));

    /**
     * The name users write for a step function ({@code sh}, {@code checkout}, ...), or the last part of its
     * descriptor id when the symbol is not known here.
     */
    public static String displayName(String function) {
        String symbol = SYMBOLS.get(function);
        return symbol != null ? symbol : shortName(function);
    }

    /** The last part of a descriptor id, e.g. {@code ShellStep}, for messages. */
    public static String shortName(String function) {
        int dot = function.lastIndexOf('.');
        String name = dot < 0 ? function : function.substring(dot + 1);
        int inner = name.lastIndexOf('$');
        return inner < 0 ? name : name.substring(inner + 1);
    }
}
