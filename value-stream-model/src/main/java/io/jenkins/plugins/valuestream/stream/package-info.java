/**
 * The value stream of a job: its runs' process maps aggregated per step (docs/definitions.md).
 */
@NullMarked
package io.jenkins.plugins.valuestream.stream;

import org.jspecify.annotations.NullMarked;
