/**
 * DORA's delivery figures of a job (docs/definitions.md, "Delivery: DORA"): lead time for changes, deployment
 * frequency, change failure rate and failed deployment recovery time, from the runs' changes and deploying steps.
 */
@NullMarked
package io.jenkins.plugins.valuestream.dora;

import org.jspecify.annotations.NullMarked;
