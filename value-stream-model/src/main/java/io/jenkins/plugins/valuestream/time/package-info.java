/**
 * Durations as users write and read them: {@code 15m}, {@code 1h30m}, {@code PT15M} in, {@code 4m 10s} out. One
 * place for both directions, so that budgets, flags and views agree.
 */
@NullMarked
package io.jenkins.plugins.valuestream.time;

import org.jspecify.annotations.NullMarked;
