package io.jenkins.plugins.valuestream.cli.rest;

/** Descriptor ids of the steps the REST API names by display name only, beyond those of the model's own list. */
final class FlowFunctions {
    static final String SHELL = "org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep";
    static final String BATCH = "org.jenkinsci.plugins.workflow.steps.durable_task.BatchScriptStep";
    static final String POWERSHELL = "org.jenkinsci.plugins.workflow.steps.durable_task.PowershellScriptStep";
    static final String PWSH = "org.jenkinsci.plugins.workflow.steps.durable_task.PowerShellCoreScriptStep";
    static final String CHECKOUT = "org.jenkinsci.plugins.workflow.steps.scm.GenericSCMStep";
    static final String GIT = "jenkins.plugins.git.GitStep";
    static final String ECHO = "org.jenkinsci.plugins.workflow.steps.EchoStep";
    static final String ERROR = "org.jenkinsci.plugins.workflow.steps.ErrorStep";
    static final String IS_UNIX = "org.jenkinsci.plugins.workflow.steps.IsUnixStep";
    static final String READ_FILE = "org.jenkinsci.plugins.workflow.steps.ReadFileStep";
    static final String WRITE_FILE = "org.jenkinsci.plugins.workflow.steps.WriteFileStep";
    static final String FILE_EXISTS = "org.jenkinsci.plugins.workflow.steps.FileExistsStep";
    static final String PWD = "org.jenkinsci.plugins.workflow.steps.PwdStep";
    static final String DELETE_DIR = "org.jenkinsci.plugins.workflow.steps.DeleteDirStep";
    static final String STASH = "org.jenkinsci.plugins.workflow.support.steps.stash.StashStep";
    static final String UNSTASH = "org.jenkinsci.plugins.workflow.support.steps.stash.UnstashStep";

    private FlowFunctions() {
    }
}
