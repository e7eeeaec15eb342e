/**
 * The REST API, through Jenkins' exported API ({@code api/json}, {@code api/xml}, {@code ?tree=}, {@code ?depth=}):
 * {@code /job/X/value-stream/api/json} (the job's value stream and runs, {@code {"jobs":[{...}]}} as the command line
 * writes the report of that one job) and
 * {@code /job/X/N/process-map/api/json} (one run), with the field names of the command line's JSON, so that a script
 * reads the same names from either. Both need {@code Item.READ}.
 */
@NullMarked
package io.jenkins.plugins.valuestream.api;

import org.jspecify.annotations.NullMarked;
