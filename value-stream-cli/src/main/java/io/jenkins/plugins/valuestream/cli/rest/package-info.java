/**
 * Reads Pipeline runs from a Jenkins server through the Pipeline Stage View REST API ({@code wfapi}) into the
 * model's flow graphs; what the API cannot tell is reported as unknown. {@code RestSource} is the report's source
 * over it.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.rest;

import org.jspecify.annotations.NullMarked;
