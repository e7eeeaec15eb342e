/**
 * The {@code value-stream} command line: {@code report} over a JENKINS_HOME, a builds folder, a Jenkins server's
 * REST API or the demo data set.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli;

import org.jspecify.annotations.NullMarked;
