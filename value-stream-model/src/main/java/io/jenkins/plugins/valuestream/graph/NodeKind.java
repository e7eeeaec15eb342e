package io.jenkins.plugins.valuestream.graph;

/** The shape of a flow node, as Jenkins' node classes tell it. */
public enum NodeKind {
    /** {@code FlowStartNode}: the first node of a run. */
    FLOW_START,
    /** {@code FlowEndNode}: the last node of a finished run. */
    FLOW_END,
    /** {@code StepAtomNode}: a step without a body ({@code sh}, {@code echo}, {@code input}, ...). */
    ATOM,
    /** {@code StepStartNode}: the start of a block, either the outer block of a step or one of its bodies. */
    BLOCK_START,
    /** {@code StepEndNode}: the end of the block whose start is {@link GraphNode#startId()}. */
    BLOCK_END
}
