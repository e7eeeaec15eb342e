/**
 * What users see of the plugin in Jenkins: the build page's summary and "Process Map" page of a run, the job's
 * "Value Stream" tab with its window selector, and the small trend on the job's main page.
 *
 * <p>These classes only mount what the model computes and renders: the numbers come from the model's aggregation
 * and detectors, the SVG from its renderers, which escape every user-controlled string (stage names, step
 * arguments, job names). That is why the views insert the SVG as markup ({@code <j:out>}) while every other value
 * goes through Jelly's own escaping ({@code escape-by-default}).
 */
@NullMarked
package io.jenkins.plugins.valuestream.ui;

import org.jspecify.annotations.NullMarked;
