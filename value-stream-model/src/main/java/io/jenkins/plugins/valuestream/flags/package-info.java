/**
 * Detectors that flag slow steps and redundant work in a run, each flag with its evidence (DESIGN.md §4).
 */
@NullMarked
package io.jenkins.plugins.valuestream.flags;

import org.jspecify.annotations.NullMarked;
