/**
 * The per-job store (docs/architecture.md, docs/performance.md): one append-only file per job with the process maps of
 * its completed runs, read by the Value Stream tab without loading any run. See {@link
 * io.jenkins.plugins.valuestream.store.JobStore}.
 */
@NullMarked
package io.jenkins.plugins.valuestream.store;

import org.jspecify.annotations.NullMarked;
