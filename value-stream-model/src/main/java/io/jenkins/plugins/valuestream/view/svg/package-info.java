/**
 * The SVG charts, drawn from the view models alone: the value stream map of a job
 * ({@link io.jenkins.plugins.valuestream.view.svg.ValueStreamMapSvg}), the process map of a run
 * ({@link io.jenkins.plugins.valuestream.view.svg.ProcessMapSvg}), a job's trends
 * ({@link io.jenkins.plugins.valuestream.view.svg.TrendSvg}) and their compact form for a small box
 * ({@link io.jenkins.plugins.valuestream.view.svg.SparklineSvg}). Each is an accessible image (role, title, description,
 * real text, a tooltip on every mark) themed through CSS custom properties.
 */
@NullMarked
package io.jenkins.plugins.valuestream.view.svg;

import org.jspecify.annotations.NullMarked;
