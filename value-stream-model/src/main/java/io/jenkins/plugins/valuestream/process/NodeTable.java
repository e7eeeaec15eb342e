package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The flow nodes of one run as the extraction reads them, each once: in an order where parents come first, with
 * their kind, role, function, marks and start (clamped into the run), and which end node closes each block. Nodes are
 * addressed by their position in the graph; a node of a cycle is not placed and counts as absent.
 */
final class NodeTable {
    static final byte ATOM = (byte) NodeKind.ATOM.ordinal();
    static final byte BLOCK_START = (byte) NodeKind.BLOCK_START.ordinal();
    static final byte BLOCK_END = (byte) NodeKind.BLOCK_END.ordinal();
    static final byte FLOW_END = (byte) NodeKind.FLOW_END.ordinal();

    /** The marks a node can carry ({@link #marked}): it says it starts a body, it paused, it warned, it failed. */
    static final byte BODY = 1;
    static final byte PAUSED = 1 << 1;
    static final byte WARNED = 1 << 2;
    static final byte ERROR = 1 << 3;

    private final FlowGraph graph;
    private final List<GraphNode> nodes;
    private final long runStart;
    private final long asOf;
    private final @Nullable String cycleNote;

    /** The positions of the placed nodes, parents first. */
    private final int[] order;
    private final boolean[] placed;
    private final long[] start;
    /** Each node's {@link NodeKind} ordinal, role bits, function and marks. */
    private final byte[] kinds;
    private final int[] roles;
    private final @Nullable String[] functions;
    private final byte[] marks;
    /** Block start → its end node, or -1. */
    private final int[] endOf;
    private final int atoms;
    /** Normalized arguments by arguments: the same work often recurs in one run (each branch, each attempt). */
    private final Map<Map<String, String>, String> normalizedArguments = new HashMap<>();

    /**
     * Reads the graph of a run.
     *
     * @param asOf the end of the run (or "now" for one in progress): no node starts later
     */
    NodeTable(RunInfo info, FlowGraph graph, long asOf) {
        this.graph = graph;
        this.nodes = graph.nodes();
        this.runStart = info.startedAt();
        this.asOf = asOf;
        int size = nodes.size();
        this.order = sortTopologically();
        this.cycleNote = order.length < size
                ? (size - order.length) + " flow nodes form a cycle and were left out (the flow graph is corrupt)"
                : null;
        this.placed = new boolean[size];
        for (int i : order) {
            placed[i] = true;
        }
        this.endOf = new int[size];
        java.util.Arrays.fill(endOf, -1);
        this.start = new long[size];
        this.kinds = new byte[size];
        this.roles = new int[size];
        this.functions = new String[size];
        this.marks = new byte[size];
        this.atoms = readNodes(new FunctionRoles());
    }

    /**
     * The positions of the nodes, parents first, without those of a cycle. Readers give nodes in ascending id order,
     * which already is such an order; otherwise Kahn's algorithm in graph order, so that a corrupt (cyclic) graph
     * cannot loop forever.
     */
    private int[] sortTopologically() {
        int size = nodes.size();
        int[] sortedOrder = new int[size];
        boolean sorted = true;
        for (int i = 0; i < size && sorted; i++) {
            for (int parent : graph.parentIndexes(i)) {
                if (parent >= i) {
                    sorted = false;
                    break;
                }
            }
        }
        if (sorted) {
            for (int i = 0; i < size; i++) {
                sortedOrder[i] = i;
            }
            return sortedOrder;
        }
        int[] pending = new int[size];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < size; i++) {
            for (int parent : graph.parentIndexes(i)) {
                if (parent != i) {
                    pending[i]++;
                }
            }
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int count = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            sortedOrder[count++] = node;
            for (int child : graph.childIndexes(node)) {
                if (child != node && --pending[child] == 0) {
                    ready.add(child);
                }
            }
        }
        return count == size ? sortedOrder : java.util.Arrays.copyOf(sortedOrder, count);
    }

    /**
     * Reads what the extraction needs of every placed node: kind, role, function, marks, and the start, clamped into
     * the run (a node without a time starts with its latest parent); and which end node closes each block. Returns
     * how many atoms there are.
     */
    private int readNodes(FunctionRoles functionRoles) {
        int atomCount = 0;
        for (int i : order) {
            GraphNode node = nodes.get(i);
            byte kind = (byte) node.kind().ordinal();
            kinds[i] = kind;
            if (kind == ATOM) {
                atomCount++;
            }
            String function = node.function();
            functions[i] = function;
            if (function != null) {
                roles[i] = functionRoles.of(function);
            }
            marks[i] = (byte) ((node.body() ? BODY : 0) | (node.pauses().isEmpty() ? 0 : PAUSED)
                    | (node.warning() == null ? 0 : WARNED) | (node.error() == null ? 0 : ERROR));
            if (kind == BLOCK_END) {
                int startIndex = graph.blockStartIndex(i);
                if (startIndex >= 0) {
                    endOf[startIndex] = i;
                }
            }
            Long own = node.startMillis();
            long value;
            if (own != null) {
                value = own;
            } else {
                value = runStart;
                for (int parent : graph.parentIndexes(i)) {
                    if (placed[parent]) {
                        value = Math.max(value, start[parent]);
                    }
                }
            }
            start[i] = Math.min(Math.max(value, runStart), asOf);
        }
        return atomCount;
    }

    FlowGraph graph() {
        return graph;
    }

    /** The positions of the placed nodes, parents first (the array must not be changed). */
    int[] order() {
        return order;
    }

    boolean isPlaced(int i) {
        return placed[i];
    }

    GraphNode node(int i) {
        return nodes.get(i);
    }

    /** The node's start, clamped into the run. */
    long start(int i) {
        return start[i];
    }

    /** The end of the run, or "now" for one in progress. */
    long asOf() {
        return asOf;
    }

    /** The node's {@link NodeKind} ordinal: {@link #ATOM}, {@link #BLOCK_START}, ... */
    byte kind(int i) {
        return kinds[i];
    }

    /** Whether the node's function has the {@link FunctionRoles} role (one bit of them). */
    boolean has(int i, int role) {
        return (roles[i] & role) != 0;
    }

    @Nullable String function(int i) {
        return functions[i];
    }

    /** Whether the node carries the mark ({@link #BODY}, {@link #PAUSED}, ...). */
    boolean marked(int i, byte mark) {
        return (marks[i] & mark) != 0;
    }

    /** The end node of a block start, or -1 while the block is open. */
    int endOf(int blockStart) {
        return endOf[blockStart];
    }

    /** Whether a block has ended with an error. */
    boolean endedInError(int blockStart) {
        int end = endOf[blockStart];
        return end >= 0 && marked(end, ERROR);
    }

    /** The body start of a block step's outer start: its first placed child that starts a block; or -1. */
    int bodyOf(int outerStart) {
        for (int child : graph.childIndexes(outerStart)) {
            if (placed[child] && kinds[child] == BLOCK_START) {
                return child;
            }
        }
        return -1;
    }

    /** How many atom nodes there are: the most work items there can be. */
    int atoms() {
        return atoms;
    }

    /** The earliest start of a placed node, or {@link #asOf()} where there is none. */
    long firstStart() {
        long first = asOf;
        for (int i : order) {
            first = Math.min(first, start[i]);
        }
        return first;
    }

    /** The node's arguments as {@link NormalizedArguments#of}, each distinct map worked out once. */
    String normalizedArguments(int i) {
        Map<String, String> arguments = nodes.get(i).arguments();
        return arguments.isEmpty() ? ""
                : normalizedArguments.computeIfAbsent(arguments, NormalizedArguments::of);
    }

    /** What the reading could not use, for the process map's notes: the nodes of a cycle. */
    List<String> notes() {
        return cycleNote == null ? List.of() : List.of(cycleNote);
    }
}
