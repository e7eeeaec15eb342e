/**
 * Wait-time, lead-time and per-step budgets, evaluated against a finished or a running process map.
 */
@NullMarked
package io.jenkins.plugins.valuestream.budget;

import org.jspecify.annotations.NullMarked;
