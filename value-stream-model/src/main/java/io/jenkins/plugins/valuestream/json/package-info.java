/**
 * The report as JSON: the shape the command line writes with {@code --format json} and the plugin's REST API serves
 * (times in epoch milliseconds, durations in milliseconds, unknown values as {@code null}).
 */
@NullMarked
package io.jenkins.plugins.valuestream.json;

import org.jspecify.annotations.NullMarked;
