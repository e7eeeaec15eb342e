/**
 * The value stream of a job: its runs' process maps aggregated per step (DESIGN.md §4).
 */
@NullMarked
package io.jenkins.plugins.valuestream.stream;

import org.jspecify.annotations.NullMarked;
