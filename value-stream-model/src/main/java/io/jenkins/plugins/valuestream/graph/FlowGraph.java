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
    private final Map<String, List<GraphNode>> children;

    private FlowGraph(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.byId = new HashMap<>(nodes.size() * 2);
        this.children = new HashMap<>(nodes.size() * 2);
        for (GraphNode node : this.nodes) {
            if (byId.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("Flow node id " + node.id() + " appears twice");
            }
        }
        for (GraphNode node : this.nodes) {
            for (String parent : node.parentIds()) {
                children.computeIfAbsent(parent, k -> new ArrayList<>(1)).add(node);
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

    /** The nodes whose parents include the given node, in graph order. */
    public List<GraphNode> children(String id) {
        List<GraphNode> list = children.get(id);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }
}
