/**
 * The HTML report: one self-contained page (inline style sheet and SVG, no script, no font or file to download) with,
 * for each job, its value stream map, trends, flags with their evidence, and each run's process map to drill down
 * into; a job selector and a theme switch that work without JavaScript.
 */
@NullMarked
package io.jenkins.plugins.valuestream.view.html;

import org.jspecify.annotations.NullMarked;
