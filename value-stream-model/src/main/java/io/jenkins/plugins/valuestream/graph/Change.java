package io.jenkins.plugins.valuestream.graph;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change (commit) a run built: what DORA's lead time for changes needs of it.
 *
 * @param id the commit's id (a git SHA-1, a Subversion revision, ...), as the SCM gives it
 * @param committedAt when it was committed (epoch milliseconds: git's committer time), or {@code null} where the
 *     changelog does not say
 */
public record Change(String id, @Nullable Long committedAt) {
    public Change {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("A change needs its commit id");
        }
    }
}
