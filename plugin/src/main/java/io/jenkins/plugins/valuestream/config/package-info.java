/**
 * The global configuration: the recording switch, the default wait budget, the thresholds of the slow-step detector
 * and the default window of the Value Stream tab.
 */
@NullMarked
package io.jenkins.plugins.valuestream.config;

import org.jspecify.annotations.NullMarked;
