package io.jenkins.plugins.valuestream.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The flow graph of one run: its nodes, each knowing its parents. Nodes are kept in the order the source gave them
 * (ascending id for the readers), which is the order Jenkins created them in.
 */
public final class FlowGraph {
    private final List<GraphNode> nodes;
    private final Map<String, GraphNode> byId;
    private final Map<String, Integer> indexOf;
    private final int[][] parentIndexes;
    private final int[][] childIndexes;
    private final int[] blockStartIndexes;

    private FlowGraph(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
        int size = this.nodes.size();
        this.byId = new HashMap<>(size * 2);
        this.indexOf = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            GraphNode node = this.nodes.get(i);
            if (byId.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("Flow node id " + node.id() + " appears twice");
            }
            indexOf.put(node.id(), i);
        }
        this.parentIndexes = new int[size][];
        int[] childCounts = new int[size];
        for (int i = 0; i < size; i++) {
            GraphNode node = this.nodes.get(i);
            int[] parents = new int[node.parentIds().size()];
            int count = 0;
            for (String parent : node.parentIds()) {
                Integer index = indexOf.get(parent);
                if (index != null) {
                    parents[count++] = index;
                    childCounts[index]++;
                }
            }
            parentIndexes[i] = count == parents.length ? parents : java.util.Arrays.copyOf(parents, count);
        }
        this.blockStartIndexes = new int[size];
        for (int i = 0; i < size; i++) {
            String startId = this.nodes.get(i).startId();
            Integer index = startId == null ? null : indexOf.get(startId);
            blockStartIndexes[i] = index == null ? -1 : index;
        }
        this.childIndexes = new int[size][];
        for (int i = 0; i < size; i++) {
            childIndexes[i] = new int[childCounts[i]];
            childCounts[i] = 0;
        }
        for (int i = 0; i < size; i++) {
            for (int parent : parentIndexes[i]) {
                childIndexes[parent][childCounts[parent]++] = i;
            }
        }
    }

    /** A graph of the given nodes. Parent ids that name no node are tolerated (a partly deleted graph). */
    public static FlowGraph of(Collection<GraphNode> nodes) {
        return new FlowGraph(new ArrayList<>(nodes));
    }

    /** The empty graph (a run that has not started its flow yet). */
    public static FlowGraph empty() {
        return new FlowGraph(List.of());
    }

    /**
     * The latest instant the graph records (a node's start, a pause's start or end), or {@code atLeast} where that is
     * later: how far an unfinished run got before its record stops.
     */
    public long lastActivity(long atLeast) {
        long latest = atLeast;
        for (GraphNode node : nodes) {
            if (node.startMillis() != null) {
                latest = Math.max(latest, node.startMillis());
            }
            for (Pause pause : node.pauses()) {
                latest = Math.max(latest, pause.endMillis() != null ? pause.endMillis() : pause.startMillis());
            }
        }
        return latest;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public @Nullable GraphNode node(String id) {
        return byId.get(id);
    }

    /** The position of the node with the given id in {@link #nodes()}, or {@code -1}. */
    public int indexOf(String id) {
        Integer index = indexOf.get(id);
        return index == null ? -1 : index;
    }

    /** The positions of a node's parents that are in this graph (the array must not be changed). */
    public int[] parentIndexes(int index) {
        return parentIndexes[index];
    }

    /** For a block end node, the position of the block start it closes; otherwise, or where absent, {@code -1}. */
    public int blockStartIndex(int index) {
        return blockStartIndexes[index];
    }

    /** The positions of a node's children, in graph order (the array must not be changed). */
    public int[] childIndexes(int index) {
        return childIndexes[index];
    }

    /** The nodes whose parents include the given node, in graph order. */
    public List<GraphNode> children(String id) {
        // Found when asked rather than indexed for every graph: reading and extracting a run go by positions.
        List<GraphNode> list = new ArrayList<>();
        Integer index = indexOf.get(id);
        if (index != null) {
            for (int child : childIndexes[index]) {
                list.add(nodes.get(child));
            }
        } else {
            // A parent the graph does not hold: its children are still the nodes that name it.
            for (GraphNode node : nodes) {
                for (String parent : node.parentIds()) {
                    if (parent.equals(id)) {
                        list.add(node);
                    }
                }
            }
        }
        return Collections.unmodifiableList(list);
    }
}
