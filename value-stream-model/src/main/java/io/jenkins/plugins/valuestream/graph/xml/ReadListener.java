package io.jenkins.plugins.valuestream.graph.xml;

import java.nio.file.Path;

/**
 * Receives the runs of a read one by one, so that a large {@code JENKINS_HOME} can be processed without holding
 * every flow graph at once. Within a job, runs arrive in build-number order; jobs arrive in order of full name.
 */
public interface ReadListener {

    /** A Pipeline run that was read. */
    void run(RunRecord run);

    /** A run folder that could not be read. */
    void skipped(SkippedRun skipped);

    /**
     * A build that is not a Pipeline run (a freestyle or Maven build, ...): not an error, only left out.
     *
     * @param root the root element of its {@code build.xml} ({@code build}, {@code hudson.maven.MavenModuleSetBuild})
     */
    default void otherBuild(String job, Path folder, String root) {
    }
}
