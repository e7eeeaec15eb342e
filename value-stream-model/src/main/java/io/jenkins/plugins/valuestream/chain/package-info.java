/**
 * Chains of jobs: runs of several jobs linked by their upstream causes (build → test → deploy), and their end-to-end
 * value stream (docs/definitions.md, "Chains of jobs").
 */
@NullMarked
package io.jenkins.plugins.valuestream.chain;

import org.jspecify.annotations.NullMarked;
