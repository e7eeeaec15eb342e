/**
 * Detectors that flag slow steps and redundant work in a run, each flag with its evidence and remedy (docs/flags.md).
 */
@NullMarked
package io.jenkins.plugins.valuestream.flags;

import org.jspecify.annotations.NullMarked;
