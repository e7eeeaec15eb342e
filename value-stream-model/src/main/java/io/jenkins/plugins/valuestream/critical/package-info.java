/**
 * The critical path of one run: the chain of steps and waits that set its lead time, and each step's exclusive time,
 * how much the lead time would drop if the step took no time (docs/definitions.md, "Critical path of a run"),
 * computed from its {@link io.jenkins.plugins.valuestream.process.ProcessMap} by
 * {@link io.jenkins.plugins.valuestream.critical.RunSchedule}.
 */
@NullMarked
package io.jenkins.plugins.valuestream.critical;

import org.jspecify.annotations.NullMarked;
