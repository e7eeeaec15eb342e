/**
 * The Pipeline steps: {@code valueStream} (a block, also a Declarative option) that holds the run to its wait and
 * lead-time budgets while it runs, and {@code processStep} (a block) that makes an explicit process-map step with an
 * optional wait budget of its own.
 */
@NullMarked
package io.jenkins.plugins.valuestream.steps;

import org.jspecify.annotations.NullMarked;
