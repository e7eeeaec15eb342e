package io.jenkins.plugins.valuestream.store;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkContext;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body of a RUN frame: one completed {@link ProcessMap}, strings by id, times as zig-zag varint deltas.
 *
 * <pre>
 * run     number (zz) | stringCount (v) | startedAt (zz) | completedAt − startedAt (zz) | asOf − completedAt (zz)
 *         | presence (v: 1 result, 2 queuedAt, 4 work contexts, 8 upstream causes, 16 changes, 32 locks,
 *           64 failures, 128 inputs)
 *         | [result id (v)] | [queuedAt − startedAt (zz)] | processMillis (zz)
 *         | waits | steps (count, step...) | work (count, item...) | agents (count, agent...) | notes (count, id...)
 *         | [upstream (count, cause...)] | [changes (count, change...)] | [locks (count, lock...)]
 *         | [failures (count, failure...)] | [inputs (count, input...)]
 * cause   job id (v) | build number (zz) | nodeId
 * change  commit id (v) | time known (v: 0 or 1) | [committedAt − startedAt (zz)]
 * step    path | occurrence (zz) | kind + result·4 + firstTime·32 + deploys·64 (v)
 *         | startedAt − previous step's start (zz)
 *         | elapsed (v) | process (v) | waits | effort (v) | nodeId | parallelGroup
 * work    function id (v) | arguments id (v) | path | branch id (v) | startedAt − previous item's start (zz)
 *         | duration (zz) | [context: 0 unknown, else agent id + 1 (v) | environment id (v)]
 * agent   label id (v) | path | startedAt − previous allocation's start (zz) | wait (zz) | hold (zz)
 * lock    resource id (v) | path | startedAt − previous acquisition's start (zz) | wait (zz) | hold (zz)
 * failure path | function id (v) | command id (v) | error id (v) | at − previous failure's time (zz)
 *         | ended the run (v: 0 or 1)
 * input   path | message id (v) | decision (v) | user id + 1, 0 = none (v) | at − previous input's time (zz)
 *         | waited (zz)
 * waits   unknown causes·128 + causes with time (v, one bit per cause by ordinal) | the times of the latter (v)
 * path    k (v): k &lt; paths so far in this run = that path; k = paths so far = a new path follows:
 *         depth (v) | segment ids (v)
 * nodeId  0 = none; odd = the decimal number (v − 1) / 2; even = string id v / 2 − 1
 * </pre>
 * (v: varint, zz: zig-zag varint; the first "previous start" is the run's start.) Bit 8 and the causes are written
 * only for a run with upstream causes, so a record without them is the same bytes as before causes were kept, and
 * records written before read as runs no other run started. Likewise bit 16 and the changes only for a run whose
 * changes are known (records written before read as runs whose changes are unknown), bit 32 and the lock
 * acquisitions only for a run that took a lock (records written before read as runs without acquisitions, their LOCK
 * waits in the steps' waits alone), bits 64 and 128 only for a run with errors or inputs (records written before read
 * as runs without them), and the deploys bit of a step only for a deploying one (steps written before do
 * not deploy). {@code stringCount} is the number
 * of strings the store had defined when the run was written: every id the run uses is below it. Enum ordinals are
 * part of the format: changing {@link WaitCause}, {@link StepKind}, {@link StepResult} or
 * {@link InputDecision.Decision} needs a new format version.
 */
final class RecordCodec {
    private static final WaitCause[] CAUSES = WaitCause.values();
    private static final StepKind[] KINDS = StepKind.values();
    private static final StepResult[] RESULTS = StepResult.values();
    private static final InputDecision.Decision[] DECISIONS = InputDecision.Decision.values();
    private static final int CAUSE_BITS = 7;
    /**
     * The causes a run's record holds: {@link WaitCause#HANDOFF}, the last, lies between the runs of a chain and is
     * never stored.
     */
    private static final int STORED_CAUSES = WaitCause.HANDOFF.ordinal();
    private static final int MAX_NUMERIC_ID_DIGITS = 18;

    static {
        if (STORED_CAUSES > CAUSE_BITS || STORED_CAUSES != CAUSES.length - 1 || KINDS.length > 4
                || RESULTS.length > 8) {
            throw new IllegalStateException("The store format has room for 7 wait causes, 4 step kinds and 8 step"
                    + " results; a new format version is needed");
        }
    }

    private RecordCodec() {
    }

    /** Gives ids to every string of the map, so that the STRINGS frame can precede its record. */
    static void internStrings(ProcessMap map, StringInterner strings) {
        if (map.result() != null) {
            strings.id(map.result().name());
        }
        for (ProcessStep step : map.steps()) {
            internPath(step.path(), strings);
            internNodeId(step.nodeId(), strings);
            internNodeId(step.parallelGroup(), strings);
        }
        for (WorkItem item : map.work()) {
            strings.id(item.function());
            strings.id(item.arguments());
            internPath(item.step(), strings);
            strings.id(item.branch());
            if (item.context() != null) {
                strings.id(item.context().agent());
                strings.id(item.context().environment());
            }
        }
        for (AgentAllocation agent : map.agents()) {
            strings.id(agent.label());
            internPath(agent.step(), strings);
        }
        for (String note : map.notes()) {
            strings.id(note);
        }
        for (UpstreamCause cause : map.upstream()) {
            strings.id(cause.job());
            internNodeId(cause.nodeId(), strings);
        }
        if (map.changes() != null) {
            for (Change change : map.changes()) {
                strings.id(change.id());
            }
        }
        for (LockAcquisition lock : map.locks()) {
            strings.id(lock.resource());
            internPath(lock.step(), strings);
        }
        for (StepFailure failure : map.failures()) {
            internPath(failure.step(), strings);
            strings.id(failure.function());
            strings.id(failure.command());
            strings.id(failure.error());
        }
        for (InputDecision input : map.inputs()) {
            internPath(input.step(), strings);
            strings.id(input.message());
            if (input.user() != null) {
                strings.id(input.user());
            }
        }
    }

    private static void internPath(StepPath path, StringInterner strings) {
        for (String segment : path.segments()) {
            strings.id(segment);
        }
    }

    private static void internNodeId(@Nullable String nodeId, StringInterner strings) {
        if (nodeId != null && numericId(nodeId) < 0) {
            strings.id(nodeId);
        }
    }

    /**
     * Writes the body of a RUN frame; every string must have been interned.
     *
     * @return how many of the bytes written are step records (for {@link StoreStats})
     */
    static int encodeRun(ProcessMap map, StringInterner strings, ByteSink out) {
        Long completedAt = map.completedAt();
        if (completedAt == null) {
            throw new IllegalArgumentException("Run #" + map.number() + " is still running; the store keeps"
                    + " completed runs only");
        }
        long start = map.startedAt();
        out.writeZigZag(map.number());
        out.writeVarInt(strings.nextId());
        out.writeZigZag(start);
        out.writeZigZag(completedAt - start);
        out.writeZigZag(map.asOf() - completedAt);
        // Work contexts are always written; records written before they were kept lack bit 4 and read as unknown.
        out.writeVarInt((map.result() != null ? 1 : 0) | (map.queuedAt() != null ? 2 : 0) | 4
                | (map.upstream().isEmpty() ? 0 : 8) | (map.changes() == null ? 0 : 16)
                | (map.locks().isEmpty() ? 0 : 32) | (map.failures().isEmpty() ? 0 : 64)
                | (map.inputs().isEmpty() ? 0 : 128));
        if (map.result() != null) {
            out.writeVarInt(strings.id(map.result().name()));
        }
        if (map.queuedAt() != null) {
            out.writeZigZag(map.queuedAt() - start);
        }
        out.writeZigZag(map.processMillis());
        writeWaits(map.waits(), out);

        Map<StepPath, Integer> paths = new HashMap<>();
        int stepsStart = out.size();
        out.writeVarInt(map.steps().size());
        long previous = start;
        for (ProcessStep step : map.steps()) {
            writePath(step.path(), paths, strings, out);
            out.writeZigZag(step.occurrence());
            out.writeVarInt(step.kind().ordinal() | step.result().ordinal() << 2 | (step.firstTime() ? 32 : 0)
                    | (step.deploys() ? 64 : 0));
            out.writeZigZag(step.startedAt() - previous);
            previous = step.startedAt();
            out.writeVarLong(step.elapsedMillis());
            out.writeVarLong(step.processMillis());
            writeWaits(step.waits(), out);
            out.writeVarLong(step.effortMillis());
            writeNodeId(step.nodeId(), strings, out);
            writeNodeId(step.parallelGroup(), strings, out);
        }
        int stepBytes = out.size() - stepsStart;

        out.writeVarInt(map.work().size());
        previous = start;
        for (WorkItem item : map.work()) {
            out.writeVarInt(strings.id(item.function()));
            out.writeVarInt(strings.id(item.arguments()));
            writePath(item.step(), paths, strings, out);
            out.writeVarInt(strings.id(item.branch()));
            out.writeZigZag(item.startedAt() - previous);
            previous = item.startedAt();
            out.writeZigZag(item.durationMillis());
            WorkContext context = item.context();
            if (context == null) {
                out.writeVarInt(0);
            } else {
                out.writeVarInt(strings.id(context.agent()) + 1);
                out.writeVarInt(strings.id(context.environment()));
            }
        }
        out.writeVarInt(map.agents().size());
        previous = start;
        for (AgentAllocation agent : map.agents()) {
            out.writeVarInt(strings.id(agent.label()));
            writePath(agent.step(), paths, strings, out);
            out.writeZigZag(agent.startedAt() - previous);
            previous = agent.startedAt();
            out.writeZigZag(agent.waitMillis());
            out.writeZigZag(agent.holdMillis());
        }
        out.writeVarInt(map.notes().size());
        for (String note : map.notes()) {
            out.writeVarInt(strings.id(note));
        }
        if (!map.upstream().isEmpty()) {
            out.writeVarInt(map.upstream().size());
            for (UpstreamCause cause : map.upstream()) {
                out.writeVarInt(strings.id(cause.job()));
                out.writeZigZag(cause.build());
                writeNodeId(cause.nodeId(), strings, out);
            }
        }
        List<Change> changes = map.changes();
        if (changes != null) {
            out.writeVarInt(changes.size());
            for (Change change : changes) {
                out.writeVarInt(strings.id(change.id()));
                Long committedAt = change.committedAt();
                out.writeVarInt(committedAt == null ? 0 : 1);
                if (committedAt != null) {
                    out.writeZigZag(committedAt - start);
                }
            }
        }
        if (!map.locks().isEmpty()) {
            out.writeVarInt(map.locks().size());
            previous = start;
            for (LockAcquisition lock : map.locks()) {
                out.writeVarInt(strings.id(lock.resource()));
                writePath(lock.step(), paths, strings, out);
                out.writeZigZag(lock.startedAt() - previous);
                previous = lock.startedAt();
                out.writeZigZag(lock.waitMillis());
                out.writeZigZag(lock.holdMillis());
            }
        }
        if (!map.failures().isEmpty()) {
            out.writeVarInt(map.failures().size());
            previous = start;
            for (StepFailure failure : map.failures()) {
                writePath(failure.step(), paths, strings, out);
                out.writeVarInt(strings.id(failure.function()));
                out.writeVarInt(strings.id(failure.command()));
                out.writeVarInt(strings.id(failure.error()));
                out.writeZigZag(failure.at() - previous);
                previous = failure.at();
                out.writeVarInt(failure.endedRun() ? 1 : 0);
            }
        }
        if (!map.inputs().isEmpty()) {
            out.writeVarInt(map.inputs().size());
            previous = start;
            for (InputDecision input : map.inputs()) {
                writePath(input.step(), paths, strings, out);
                out.writeVarInt(strings.id(input.message()));
                out.writeVarInt(input.decision().ordinal());
                out.writeVarInt(input.user() == null ? 0 : strings.id(input.user()) + 1);
                out.writeZigZag(input.at() - previous);
                previous = input.at();
                out.writeZigZag(input.waitedMillis());
            }
        }
        return stepBytes;
    }

    private static void writeWaits(WaitBreakdown waits, ByteSink out) {
        if (waits.millis(WaitCause.HANDOFF) != 0 || !waits.known(WaitCause.HANDOFF)) {
            throw new IllegalArgumentException("A run's record holds no hand-off wait: hand-offs lie between the runs"
                    + " of a chain");
        }
        long[] millis = waits.toArray();
        int withTime = 0;
        for (int i = 0; i < millis.length; i++) {
            if (millis[i] != 0) {
                withTime |= 1 << i;
            }
        }
        int unknown = 0;
        for (WaitCause cause : waits.unknown()) {
            unknown |= 1 << cause.ordinal();
        }
        out.writeVarInt(unknown << CAUSE_BITS | withTime);
        for (long value : millis) {
            if (value != 0) {
                out.writeVarLong(value);
            }
        }
    }

    private static void writePath(StepPath path, Map<StepPath, Integer> paths, StringInterner strings,
            ByteSink out) {
        Integer known = paths.get(path);
        if (known != null) {
            out.writeVarInt(known);
            return;
        }
        out.writeVarInt(paths.size());
        paths.put(path, paths.size());
        out.writeVarInt(path.segments().size());
        for (String segment : path.segments()) {
            out.writeVarInt(strings.id(segment));
        }
    }

    private static void writeNodeId(@Nullable String nodeId, StringInterner strings, ByteSink out) {
        if (nodeId == null) {
            out.writeVarInt(0);
            return;
        }
        long number = numericId(nodeId);
        if (number >= 0) {
            out.writeVarLong(number << 1 | 1);
        } else {
            out.writeVarLong(((long) strings.id(nodeId) + 1) << 1);
        }
    }

    /** The value of a canonical decimal id ("0", "17", not "017" or "+1"), or -1. */
    private static long numericId(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_NUMERIC_ID_DIGITS || (length > 1 && id.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The run number and string count at the start of a RUN body. */
    static int[] readHead(ByteSource in) {
        int number = in.readZigZagInt();
        int stringCount = in.readVarInt();
        return new int[] {number, stringCount};
    }

    /**
     * Reads the RUN bodies of one store. Keeps one {@link StepPath} per distinct path, so that thousands of runs
     * share their path objects.
     */
    static final class Decoder {
        private final StoreIndex strings;
        private final Map<PathIds, StepPath> pathCache = new HashMap<>();
        /** The string ids of the path being read, to look it up without allocating. */
        private final PathIds lookup = new PathIds();
        /** The paths defined so far in the run being read. */
        private final List<StepPath> runPaths = new ArrayList<>();
        /** The times of the wait breakdown being read ({@link WaitBreakdown} keeps a copy). */
        private final long[] waitScratch = new long[CAUSES.length];
        /** Node ids are small numbers that repeat in every run: one string each. */
        private final String[] numericIds = new String[4096];
        /** Work contexts repeat in every work item of a run and across runs: one object each. */
        private final Map<WorkContext, WorkContext> contexts = new HashMap<>();

        Decoder(StoreIndex strings) {
            this.strings = strings;
        }

        ProcessMap decode(ByteSource in) {
            int number = in.readZigZagInt();
            in.readVarInt();
            long start = in.readZigZag();
            long completedAt = start + in.readZigZag();
            long asOf = completedAt + in.readZigZag();
            int presence = in.readVarInt();
            if ((presence & ~255) != 0) {
                throw new MalformedRecordException("Unknown fields " + presence);
            }
            RunResult result = (presence & 1) != 0 ? RunResult.fromName(string(in.readVarInt())) : null;
            Long queuedAt = (presence & 2) != 0 ? start + in.readZigZag() : null;
            long processMillis = in.readZigZag();
            WaitBreakdown waits = readWaits(in, waitScratch);

            List<StepPath> paths = runPaths;
            paths.clear();
            int stepCount = in.readCount();
            ProcessStep[] steps = new ProcessStep[stepCount];
            long previous = start;
            for (int i = 0; i < stepCount; i++) {
                StepPath path = readPath(in, paths);
                int occurrence = in.readZigZagInt();
                int bits = in.readVarInt();
                if (bits >= 128 || (bits >> 2 & 7) >= RESULTS.length) {
                    throw new MalformedRecordException("Invalid step kind or result " + bits);
                }
                long startedAt = previous + in.readZigZag();
                previous = startedAt;
                long elapsed = in.readVarLong();
                long process = in.readVarLong();
                WaitBreakdown stepWaits = readWaits(in, waitScratch);
                long effort = in.readVarLong();
                String nodeId = readNodeId(in);
                String parallelGroup = readNodeId(in);
                steps[i] = new ProcessStep(path, occurrence, KINDS[bits & 3], RESULTS[bits >> 2 & 7], startedAt,
                        elapsed, process, stepWaits, effort, (bits & 32) != 0, nodeId, parallelGroup, (bits & 64) != 0);
            }
            int workCount = in.readCount();
            WorkItem[] work = new WorkItem[workCount];
            previous = start;
            for (int i = 0; i < workCount; i++) {
                String function = string(in.readVarInt());
                String arguments = string(in.readVarInt());
                StepPath path = readPath(in, paths);
                String branch = string(in.readVarInt());
                long startedAt = previous + in.readZigZag();
                previous = startedAt;
                long duration = in.readZigZag();
                WorkContext context = null;
                if ((presence & 4) != 0) {
                    int agent = in.readVarInt();
                    if (agent > 0) {
                        context = contexts.computeIfAbsent(new WorkContext(string(agent - 1),
                                string(in.readVarInt())), c -> c);
                    }
                }
                work[i] = new WorkItem(function, arguments, path, branch, startedAt, duration, context);
            }
            int agentCount = in.readCount();
            AgentAllocation[] agents = new AgentAllocation[agentCount];
            previous = start;
            for (int i = 0; i < agentCount; i++) {
                String label = string(in.readVarInt());
                StepPath path = readPath(in, paths);
                long startedAt = previous + in.readZigZag();
                previous = startedAt;
                long wait = in.readZigZag();
                agents[i] = new AgentAllocation(label, path, startedAt, wait, in.readZigZag());
            }
            int noteCount = in.readCount();
            String[] notes = new String[noteCount];
            for (int i = 0; i < noteCount; i++) {
                notes[i] = string(in.readVarInt());
            }
            UpstreamCause[] upstream = new UpstreamCause[0];
            if ((presence & 8) != 0) {
                upstream = new UpstreamCause[in.readCount()];
                for (int i = 0; i < upstream.length; i++) {
                    String job = string(in.readVarInt());
                    int build = in.readZigZagInt();
                    if (job.isEmpty()) {
                        throw new MalformedRecordException("An upstream cause without its job");
                    }
                    upstream[i] = new UpstreamCause(job, build, readNodeId(in));
                }
            }
            List<Change> changes = null;
            if ((presence & 16) != 0) {
                Change[] read = new Change[in.readCount()];
                for (int i = 0; i < read.length; i++) {
                    String id = string(in.readVarInt());
                    int timeKnown = in.readVarInt();
                    if (id.isEmpty() || timeKnown > 1) {
                        throw new MalformedRecordException("Invalid change " + i + " of run #" + number);
                    }
                    read[i] = new Change(id, timeKnown == 1 ? start + in.readZigZag() : null);
                }
                changes = List.of(read);
            }
            LockAcquisition[] locks = new LockAcquisition[0];
            if ((presence & 32) != 0) {
                locks = new LockAcquisition[in.readCount()];
                previous = start;
                for (int i = 0; i < locks.length; i++) {
                    String resource = string(in.readVarInt());
                    StepPath path = readPath(in, paths);
                    long startedAt = previous + in.readZigZag();
                    previous = startedAt;
                    long wait = in.readZigZag();
                    locks[i] = new LockAcquisition(resource, path, startedAt, wait, in.readZigZag());
                }
            }
            StepFailure[] failures = new StepFailure[0];
            if ((presence & 64) != 0) {
                failures = new StepFailure[in.readCount()];
                previous = start;
                for (int i = 0; i < failures.length; i++) {
                    StepPath path = readPath(in, paths);
                    String function = string(in.readVarInt());
                    String command = string(in.readVarInt());
                    String error = string(in.readVarInt());
                    previous += in.readZigZag();
                    int ended = in.readVarInt();
                    if (ended > 1) {
                        throw new MalformedRecordException("Invalid error " + i + " of run #" + number);
                    }
                    failures[i] = new StepFailure(path, function, command, error, previous, ended == 1);
                }
            }
            InputDecision[] inputs = new InputDecision[0];
            if ((presence & 128) != 0) {
                inputs = new InputDecision[in.readCount()];
                previous = start;
                for (int i = 0; i < inputs.length; i++) {
                    StepPath path = readPath(in, paths);
                    String message = string(in.readVarInt());
                    int decision = in.readVarInt();
                    if (decision >= DECISIONS.length) {
                        throw new MalformedRecordException("Invalid input decision " + decision + " of run #"
                                + number);
                    }
                    int user = in.readVarInt();
                    previous += in.readZigZag();
                    long waited = in.readZigZag();
                    if (waited < 0) {
                        throw new MalformedRecordException("Negative input wait of run #" + number);
                    }
                    inputs[i] = new InputDecision(path, message, DECISIONS[decision], user == 0 ? null
                            : string(user - 1), previous, waited);
                }
            }
            in.requireEnd("run #" + number);
            // Immutable lists, which the map keeps as they are rather than copying them again.
            return new ProcessMap(number, result, queuedAt, start, completedAt, asOf, processMillis, waits,
                    List.of(steps), List.of(work), List.of(agents), List.of(notes), List.of(upstream), changes,
                    List.of(locks), List.of(failures), List.of(inputs));
        }

        private String string(int id) {
            String value = strings.string(id);
            if (value == null) {
                throw new MalformedRecordException("refers to string " + id + ", which the store does not define");
            }
            return value;
        }

        private StepPath readPath(ByteSource in, List<StepPath> paths) {
            int index = in.readVarInt();
            if (index < paths.size()) {
                return paths.get(index);
            }
            if (index > paths.size()) {
                throw new MalformedRecordException("Path " + index + " out of order");
            }
            int depth = in.readCount();
            if (depth == 0) {
                throw new MalformedRecordException("Empty step path");
            }
            lookup.clear();
            for (int i = 0; i < depth; i++) {
                lookup.add(in.readVarInt());
            }
            StepPath path = pathCache.get(lookup);
            if (path == null) {
                String[] segments = new String[depth];
                for (int i = 0; i < depth; i++) {
                    segments[i] = string(lookup.ids[i]);
                }
                path = new StepPath(List.of(segments));
                pathCache.put(lookup.copy(), path);
            }
            paths.add(path);
            return path;
        }

        private @Nullable String readNodeId(ByteSource in) {
            long value = in.readVarLong();
            if (value == 0) {
                return null;
            }
            if ((value & 1) != 0) {
                long number = value >>> 1;
                if (number < numericIds.length) {
                    String cached = numericIds[(int) number];
                    if (cached == null) {
                        cached = Long.toString(number);
                        numericIds[(int) number] = cached;
                    }
                    return cached;
                }
                return Long.toString(number);
            }
            long id = (value >>> 1) - 1;
            if (id > Integer.MAX_VALUE) {
                throw new MalformedRecordException("String id out of range: " + id);
            }
            return string((int) id);
        }
    }

    /**
     * The string ids of a step path's segments: its key in {@link Decoder}'s cache (ids and strings correspond one
     * to one in a store).
     */
    private static final class PathIds {
        private int[] ids = new int[4];
        private int length;
        private int hash = 1;

        void clear() {
            length = 0;
            hash = 1;
        }

        void add(int id) {
            if (length == ids.length) {
                ids = Arrays.copyOf(ids, length * 2);
            }
            ids[length++] = id;
            hash = 31 * hash + id;
        }

        PathIds copy() {
            PathIds copy = new PathIds();
            copy.ids = Arrays.copyOf(ids, length);
            copy.length = length;
            copy.hash = hash;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PathIds that && length == that.length
                    && Arrays.equals(ids, 0, length, that.ids, 0, that.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static WaitBreakdown readWaits(ByteSource in, long[] millis) {
        int masks = in.readVarInt();
        if (masks == 0) {
            return WaitBreakdown.none();
        }
        int withTime = masks & ((1 << CAUSE_BITS) - 1);
        int unknownMask = masks >>> CAUSE_BITS;
        if (withTime >>> STORED_CAUSES != 0 || unknownMask >>> STORED_CAUSES != 0 || (withTime & unknownMask) != 0) {
            throw new MalformedRecordException("Invalid wait causes " + masks);
        }
        for (int i = 0; i < CAUSES.length; i++) {
            millis[i] = (withTime & 1 << i) != 0 ? in.readVarLong() : 0;
        }
        Set<WaitCause> unknown = Set.of();
        if (unknownMask != 0) {
            unknown = EnumSet.noneOf(WaitCause.class);
            for (int i = 0; i < CAUSES.length; i++) {
                if ((unknownMask & 1 << i) != 0) {
                    unknown.add(CAUSES[i]);
                }
            }
        }
        return WaitBreakdown.ofArray(millis, unknown);
    }
}
