package io.jenkins.plugins.valuestream.chain;

import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.List;
import java.util.Objects;

/**
 * The end-to-end value stream of the chains of one shape (docs/definitions.md, "Chains of jobs").
 *
 * @param jobs the shape: the jobs of each chain's runs in chain order, repeats included
 * @param chains the chains of this shape, completed or not, by their roots' start
 * @param stream the value stream over the completed chains, each taken as one run whose steps are its runs' steps
 *     ({@code job » step}) and its hand-offs ({@code job » (hand-off)}); its lead time is the chains' lead time
 * @param handoff each completed chain's summed hand-off wait
 */
public record ChainStream(List<String> jobs, List<Chain> chains, ValueStream stream, Distribution handoff) {
    public ChainStream {
        jobs = List.copyOf(jobs);
        chains = List.copyOf(chains);
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(handoff, "handoff");
    }

    /** The shape as one line: {@code build → test → deploy}. */
    public String name() {
        return String.join(" → ", jobs);
    }
}
