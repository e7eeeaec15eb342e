package io.jenkins.plugins.valuestream.critical;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * How the steps of one run followed and overlapped each other, as docs/definitions.md ("Critical path of a run")
 * defines it: each step is a container of its child steps, the run the container of the top-level ones; the children
 * of a container form <em>blocks</em> that follow each other, and the members of a block (the branches of a
 * {@code parallel}) ran side by side. A container lasts its own time plus, per block, until its last member ended.
 *
 * <p>From that, in one pass from the run down: which steps are on the critical path, and each step's exclusive time.
 * {@link #leadTimeIf} recomputes the lead time with one step's elapsed time changed, the other steps as they were.
 *
 * <p>Steps are addressed by their index in {@link ProcessMap#steps()}. Immutable once built.
 */
public final class RunSchedule {
    /** The container that is the run itself, in place of a position. */
    private static final int RUN = -1;
    private static final int NONE = -2;

    private final ProcessMap run;
    private final List<ProcessStep> steps;
    /** The index of the {@code (outside stages)} step, or -1: it is the run's own time, not a container. */
    private final int outside;
    /** The steps but the outside one in time order (a container before what it contains): position → index. */
    private final int[] order;
    /** Step index → position, -1 for the outside step. */
    private final int[] positionOf;
    /** By position: start and end (epoch milliseconds), the container's position or {@link #RUN}. */
    private final long[] from;
    private final long[] to;
    private final int[] container;
    /** By container position + 1 (0 for the run): the first child's position; by position: the next sibling's. */
    private final int[] firstChild;
    private final int[] nextSibling;
    /** By position: the number of its block (members of one block are consecutive siblings), and its start. */
    private final int[] blockOf;
    private final long[] blockFrom;
    /** By container position + 1: the time of the container outside its blocks. */
    private final long[] own;
    /** By position: on the critical path; how much of a drop in its time reaches the run's lead time at most. */
    private final boolean[] onPath;
    private final long[] cap;

    private RunSchedule(ProcessMap run) {
        this.run = run;
        this.steps = run.steps();
        int count = steps.size();
        int found = -1;
        for (int i = 0; i < count; i++) {
            if (steps.get(i).kind() == StepKind.OUTSIDE) {
                found = i;
            }
        }
        outside = found;
        order = timeOrder(steps, outside);
        int positions = order.length;
        positionOf = new int[count];
        Arrays.fill(positionOf, -1);
        from = new long[positions];
        to = new long[positions];
        for (int p = 0; p < positions; p++) {
            ProcessStep step = steps.get(order[p]);
            positionOf[order[p]] = p;
            from[p] = step.startedAt();
            to[p] = step.startedAt() + step.elapsedMillis();
        }
        container = new int[positions];
        firstChild = new int[positions + 1];
        nextSibling = new int[positions];
        blockOf = new int[positions];
        blockFrom = new long[positions];
        own = new long[positions + 1];
        onPath = new boolean[positions];
        cap = new long[positions];
        linkChildren();
        int blocks = splitIntoBlocks(RUN, 0);
        for (int p = 0; p < positions; p++) {
            blocks = splitIntoBlocks(p, blocks);
        }
    }

    /** The schedule of the given run. */
    public static RunSchedule of(ProcessMap run) {
        return new RunSchedule(Objects.requireNonNull(run, "run"));
    }

    /** The run's lead time: its queue wait, its own time outside every step, and each block until it ended. */
    public long leadTimeMillis() {
        return run.leadTimeMillis();
    }

    /** Whether the step at this index of the map's steps is on the critical path. */
    public boolean onCriticalPath(int step) {
        return step == outside ? steps.get(step).elapsedMillis() > 0 : onPath[position(step)];
    }

    /** How much the run's lead time would drop if the step at this index of the map's steps took no time. */
    public long exclusiveMillis(int step) {
        if (step == outside) {
            return steps.get(step).elapsedMillis();
        }
        int p = position(step);
        return Math.min(to[p] - from[p], cap[p]);
    }

    /**
     * The run's lead time had the step at this index of the map's steps lasted {@code elapsedMillis} (its child
     * steps with it), everything else as it was: each block it is in still ends with its last member, each step
     * around it is still its own time plus its blocks.
     */
    public long leadTimeIf(int step, long elapsedMillis) {
        if (step == outside) {
            return leadTimeMillis() - steps.get(step).elapsedMillis() + elapsedMillis;
        }
        int changed = position(step);
        long length = elapsedMillis;
        for (int c = container[changed]; ; c = container[c]) {
            length = lengthWith(c, changed, length);
            if (c == RUN) {
                return queueMillis() + length;
            }
            changed = c;
        }
    }

    /**
     * The index in the map's steps of the step that contains the step at this index (its container), or -1 where
     * the run does; -1 for the {@code (outside stages)} step, which is the run's own time.
     */
    public int parentOf(int step) {
        if (step == outside) {
            return -1;
        }
        int c = container[position(step)];
        return c == RUN ? -1 : order[c];
    }

    /** The time of the step at this index outside its child steps' blocks; all of it for the outside step. */
    public long ownMillis(int step) {
        return step == outside ? steps.get(step).elapsedMillis() : own[position(step) + 1];
    }

    /**
     * The run recomputed with each step's own time (outside its children, {@link #ownMillis}) shorter by
     * {@code ownCut[i]} (at most its own time) and the queue wait shorter by {@code queueCut} (at most the queue
     * wait): each container's length follows from its own time and its blocks, a block still lasts until its
     * last member ends, each member keeping its start within the block.
     *
     * @param ownCut by index in the map's steps, how much of each step's own time goes, 0 or more
     */
    public Rescheduled withOwnTimeCut(long[] ownCut, long queueCut) {
        if (ownCut.length != steps.size()) {
            throw new IllegalArgumentException("Expected " + steps.size() + " cuts, got " + ownCut.length);
        }
        long[] length = new long[order.length];
        // A child comes after its container in time order: from the last position back, each step's children are
        // done before it.
        for (int p = order.length - 1; p >= 0; p--) {
            length[p] = cutOwn(p + 1, ownCut[order[p]]) + blocksLength(p, m -> length[m]);
        }
        long runOwn = cutOwn(0, outside < 0 ? 0 : ownCut[outside]);
        long queue = queueMillis() - Math.min(Math.max(0, queueCut), queueMillis());
        long lead = queue + runOwn + blocksLength(RUN, m -> length[m]);
        List<Long> elapsed = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            elapsed.add(i == outside ? runOwn : length[positionOf[i]]);
        }
        return new Rescheduled(lead, elapsed);
    }

    private long cutOwn(int containerSlot, long cut) {
        return own[containerSlot] - Math.min(Math.max(0, cut), own[containerSlot]);
    }

    /** The time of container {@code c}'s blocks, each child (by position) lasting {@code lengthOf} it. */
    private long blocksLength(int c, IntToLongFunction lengthOf) {
        long total = 0;
        int member = firstChild[c + 1];
        while (member != NONE) {
            int block = blockOf[member];
            long start = blockFrom[member];
            long blockEnd = start;
            for (; member != NONE && blockOf[member] == block; member = nextSibling[member]) {
                blockEnd = Math.max(blockEnd, from[member] + lengthOf.applyAsLong(member));
            }
            total += blockEnd - start;
        }
        return total;
    }

    /** The whole critical path: its parts in time order, and every step's exclusive time. */
    public CriticalPath criticalPath() {
        List<PathPart> parts = new ArrayList<>();
        long queue = queueMillis();
        if (queue > 0) {
            parts.add(new PathPart(PathPart.Kind.QUEUE, null, run.leadStart(), queue));
        }
        addParts(RUN, parts);
        List<CriticalStep> critical = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            critical.add(new CriticalStep(steps.get(i), onCriticalPath(i), exclusiveMillis(i)));
        }
        return new CriticalPath(leadTimeMillis(), parts, critical);
    }

    private int position(int step) {
        Objects.checkIndex(step, steps.size());
        return positionOf[step];
    }

    private long queueMillis() {
        return run.startedAt() - run.leadStart();
    }

    private long start(int c) {
        return c == RUN ? run.startedAt() : from[c];
    }

    private long end(int c) {
        return c == RUN ? run.asOf() : to[c];
    }

    /**
     * The steps but the outside one, by start; at the same start the shallower first, then in the map's order, so
     * that a container always comes before its children. The map already holds them so, but is not trusted to.
     */
    private static int[] timeOrder(List<ProcessStep> steps, int outside) {
        int[] order = new int[steps.size() - (outside < 0 ? 0 : 1)];
        int next = 0;
        boolean sorted = true;
        for (int i = 0; i < steps.size(); i++) {
            if (i != outside) {
                if (next > 0 && IN_TIME_ORDER.compare(steps.get(order[next - 1]), steps.get(i)) > 0) {
                    sorted = false;
                }
                order[next++] = i;
            }
        }
        if (!sorted) {
            order = Arrays.stream(order).boxed()
                    .sorted(Comparator.comparing(steps::get, IN_TIME_ORDER).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }
        return order;
    }

    private static final Comparator<ProcessStep> IN_TIME_ORDER = Comparator.comparingLong(ProcessStep::startedAt)
            .thenComparingInt(step -> step.path().depth());

    /**
     * Finds each step's container, the step of its parent path that contains it in time (of a stage in a loop, the
     * iteration it ran in); where none does, the nearest ancestor path's that does, else the run. The container
     * started before the step, so it is searched backwards from the step.
     */
    private void linkChildren() {
        int[] lastChild = new int[order.length + 1];
        Arrays.fill(firstChild, NONE);
        Arrays.fill(nextSibling, NONE);
        for (int p = 0; p < order.length; p++) {
            int parent = containerOf(p);
            container[p] = parent;
            if (firstChild[parent + 1] == NONE) {
                firstChild[parent + 1] = p;
            } else {
                nextSibling[lastChild[parent + 1]] = p;
            }
            lastChild[parent + 1] = p;
        }
    }

    private int containerOf(int p) {
        ProcessStep step = steps.get(order[p]);
        int depth = step.path().depth();
        int best = RUN;
        int bestDepth = 0;
        for (int q = p - 1; q >= 0 && bestDepth < depth - 1; q--) {
            ProcessStep candidate = steps.get(order[q]);
            int candidateDepth = candidate.path().depth();
            if (candidateDepth > bestDepth && candidateDepth < depth && from[q] <= from[p] && to[p] <= to[q]
                    && step.path().startsWith(candidate.path())) {
                best = q;
                bestDepth = candidateDepth;
            }
        }
        return best;
    }

    /**
     * Splits the children of container {@code c} into blocks: in start order, a child joins the block before it if
     * it starts before that block's end or is a branch of the same {@code parallel} as a member of it. Each block's
     * critical member is the one that ended last (ties: the first); a drop in its time reaches the container until
     * it ends no earlier than the block's next-latest member, or the block's start where it is alone.
     *
     * @return the next free block number
     */
    private int splitIntoBlocks(int c, int firstBlock) {
        boolean containerOnPath = c == RUN || onPath[c];
        long containerCap = c == RUN ? Long.MAX_VALUE : cap[c];
        long inBlocks = 0;
        int number = firstBlock;
        int member = firstChild[c + 1];
        while (member != NONE) {
            int first = member;
            long start = from[first];
            long end = to[first];
            int after = nextSibling[first];
            while (after != NONE && (from[after] < end || sharesParallel(first, after))) {
                end = Math.max(end, to[after]);
                after = nextSibling[after];
            }
            int last = NONE;
            long lastEnd = Long.MIN_VALUE;
            long nextLatestEnd = start;
            for (int m = first; m != after; m = nextSibling[m]) {
                if (to[m] > lastEnd) {
                    nextLatestEnd = Math.max(nextLatestEnd, lastEnd);
                    lastEnd = to[m];
                    last = m;
                } else {
                    nextLatestEnd = Math.max(nextLatestEnd, to[m]);
                }
            }
            for (int m = first; m != after; m = nextSibling[m]) {
                blockOf[m] = number;
                blockFrom[m] = start;
                onPath[m] = containerOnPath && m == last;
                cap[m] = m == last ? Math.min(containerCap, lastEnd - nextLatestEnd) : 0;
            }
            inBlocks += end - start;
            number++;
            member = after;
        }
        own[c + 1] = end(c) - start(c) - inBlocks;
        return number;
    }

    /** Whether the step at {@code candidate} is a branch of the same parallel as a block member from {@code first}. */
    private boolean sharesParallel(int first, int candidate) {
        String group = steps.get(order[candidate]).parallelGroup();
        if (group == null) {
            return false;
        }
        for (int m = first; m != candidate; m = nextSibling[m]) {
            if (group.equals(steps.get(order[m]).parallelGroup())) {
                return true;
            }
        }
        return false;
    }

    /** The length of container {@code c} had its child {@code changed} lasted {@code changedLength}. */
    private long lengthWith(int c, int changed, long changedLength) {
        return own[c + 1] + blocksLength(c, m -> m == changed ? changedLength : to[m] - from[m]);
    }

    /** The parts of container {@code c}'s time on the path: its own time between its blocks, and each block's. */
    private void addParts(int c, List<PathPart> parts) {
        PathPart.Kind kind = c == RUN ? PathPart.Kind.OUTSIDE : PathPart.Kind.STEP;
        @Nullable ProcessStep step = c == RUN ? (outside < 0 ? null : steps.get(outside)) : steps.get(order[c]);
        long cursor = start(c);
        for (int m = firstChild[c + 1]; m != NONE; m = nextSibling[m]) {
            if (onPath[m]) {
                add(parts, kind, step, cursor, blockFrom[m]);
                add(parts, PathPart.Kind.LATE_START, steps.get(order[m]), blockFrom[m], from[m]);
                addParts(m, parts);
                cursor = to[m];
            }
        }
        add(parts, kind, step, cursor, end(c));
    }

    private static void add(List<PathPart> parts, PathPart.Kind kind, @Nullable ProcessStep step, long from,
            long to) {
        if (to > from) {
            parts.add(new PathPart(kind, step, from, to - from));
        }
    }
}
