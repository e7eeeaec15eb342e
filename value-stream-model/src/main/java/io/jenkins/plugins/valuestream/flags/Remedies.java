package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What to do about a flag: the Jenkins idiom that removes the waste, in words for users. */
final class Remedies {
    /** Shell scripts that install dependencies: the usual package managers' install commands. */
    private static final Pattern INSTALL = Pattern.compile("\\b(?:npm (?:ci|install|i)\\b|pnpm (?:install|i)\\b"
            + "|yarn(?: install)?(?=\\s*(?:$|[;&|\\n]))|pip3? install\\b|poetry install\\b|pipenv install\\b"
            + "|bundle install\\b|composer install\\b|go mod download\\b|dotnet restore\\b|nuget restore\\b"
            + "|mvn\\b[^;&|\\n]*dependency:|gradlew?\\b[^;&|\\n]*\\bdependencies\\b|conan install\\b"
            + "|cargo fetch\\b)");

    private Remedies() {
    }

    /** Whether the work is a dependency install ({@code sh 'npm ci'}, {@code bat 'nuget restore'}, ...). */
    static boolean isInstall(String function, String arguments) {
        return StepFunctions.SCRIPTS.contains(function) && INSTALL.matcher(arguments).find();
    }

    static boolean isCheckout(String function) {
        return StepFunctions.CHECKOUTS.contains(function);
    }

    static String duplicateWork(String function, String arguments, boolean afterDeclarativeCheckout,
            boolean inParallelBranches) {
        if (isCheckout(function)) {
            return afterDeclarativeCheckout
                    ? "Declarative already checked this out into the same workspace: drop the explicit checkout, or"
                            + " add options { skipDefaultCheckout() } where it must happen later."
                    : "The workspace already holds this checkout: keep the first one and drop the others.";
        }
        if (inParallelBranches) {
            return "The branches share this agent and workspace: run it once before the parallel block (they also"
                    + " race on the same files).";
        }
        if (isInstall(function, arguments)) {
            return "The dependencies are already installed in this workspace: install once, in the first stage that"
                    + " needs them; the later stages on this agent reuse them.";
        }
        return "It already ran on this agent, in this workspace and environment: run it once and keep its result"
                + " (a file in the workspace, or stash) for the later steps.";
    }

    static String setupOnEachAgent(String function) {
        if (isCheckout(function)) {
            return "A choice: check out once and stash the files the other agents need (unstash them there), with"
                    + " options { skipDefaultCheckout() } in Declarative; or run these stages on one agent. Keep it"
                    + " where each agent needs the whole tree.";
        }
        return "A choice: a dependency cache on the agents (a shared package cache directory, or the Job Cacher"
                + " plugin's cache step), or stash the installed folder once and unstash it on the other agents.";
    }

    static String repeatedAgent(boolean intoParallelBranch) {
        if (intoParallelBranch) {
            return "Each branch needs an agent, but this one asked right after the step before gave one back: do that"
                    + " step's work at the start of this branch, on its agent, or add agents with the label to cut"
                    + " the wait.";
        }
        return "Run both stages on one agent: a parent stage with the agent and nested stages, or a top-level agent"
                + " (reuseNode true for a Docker agent); the workspace is then kept as well.";
    }

    static String noOp() {
        return "Remove it, or fold its steps into a neighbouring stage; if it only waits for an agent to find it has"
                + " nothing to do, evaluate its when condition first with beforeAgent true.";
    }

    static String slowProcess() {
        return "Compare its log with a run at the baseline: what the step itself does grew (tests, dependencies,"
                + " a slower agent). Independent parts can run side by side with parallel.";
    }

    static String slowWait(@Nullable WaitCause largest, String agentLabel) {
        if (largest == null) {
            return "";
        }
        return switch (largest) {
            case QUEUE -> "The run waited in the build queue: more executors, or fewer runs at once"
                    + " (disableConcurrentBuilds(), throttling).";
            case AGENT -> "It waited for an agent" + (agentLabel.isEmpty() ? "" : " with label '" + agentLabel + "'")
                    + ": more agents carrying the label (or a cloud template for it), or a label more agents carry.";
            case INPUT -> "It waited for an approval: notify the approvers when the input starts, and bound it with"
                    + " timeout.";
            case LOCK -> "It waited for a lock: hold the lock only around the steps that need the resource.";
            case SLEEP -> "A sleep or waitUntil waited longer: poll less often, or trigger on the event instead.";
            case GAP -> "Time on the controller outside every step: before the first one it fetches the Jenkinsfile"
                    + " and libraries (a lightweight checkout helps), between steps a busy controller or slow"
                    + " Pipeline code (large loops, big logs).";
            case REWORK -> "Failed attempts were retried: make the flaky step reliable rather than retry it.";
            case HANDOFF -> "The next job of the chain waited to start after its trigger: a shorter quiet period, or"
                    + " executors free for it when the job before it ends.";
        };
    }
}
