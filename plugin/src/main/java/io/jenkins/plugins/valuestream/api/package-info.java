/**
 * The REST API: {@code /job/X/value-stream/api/json} (the job's value stream and runs) and
 * {@code /job/X/N/process-map/api/json} (one run), in the JSON of the command line's report, so that a script
 * reads the same field names from either. Both need {@code Item.READ}.
 */
@NullMarked
package io.jenkins.plugins.valuestream.api;

import org.jspecify.annotations.NullMarked;
