/**
 * The future-state map of a job and what-if projections (docs/definitions.md, "Future state"): each run of the
 * window recomputed along its critical path ({@link io.jenkins.plugins.valuestream.critical.RunSchedule}) with the
 * chosen wait causes and the flags' avoidable work removed ({@link FutureStateProjector}), or with one step's time
 * changed ({@link WhatIfProjector}).
 */
@NullMarked
package io.jenkins.plugins.valuestream.future;

import org.jspecify.annotations.NullMarked;
