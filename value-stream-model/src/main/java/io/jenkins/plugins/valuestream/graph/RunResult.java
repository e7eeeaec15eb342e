package io.jenkins.plugins.valuestream.graph;

import java.util.Locale;

/**
 * How a run ended: the five results of Jenkins' {@code hudson.model.Result}, by the names {@code build.xml}, the REST
 * API and the plugin's store write.
 */
public enum RunResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    /** The run did not build (Jenkins' {@code NOT_BUILT}, e.g. every stage skipped). */
    NOT_BUILT,
    ABORTED;

    /**
     * The result a Jenkins name stands for, in any case. Like {@code hudson.model.Result.fromString}, a name Jenkins
     * does not write is taken as {@link #FAILURE}: a run whose result nobody can read did not succeed.
     */
    public static RunResult fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FAILURE;
        }
    }
}
