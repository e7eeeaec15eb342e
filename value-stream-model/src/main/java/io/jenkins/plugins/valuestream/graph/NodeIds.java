package io.jenkins.plugins.valuestream.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Flow node ids in the order Jenkins created the nodes. A CPS execution numbers its nodes 2, 3, ..., 10, 11, ..., so
 * numeric ids go by value (not as text, where {@code "10"} sorts before {@code "9"}); ids that are not numbers, which
 * other flow executions may use, come after them in text order. Every source orders its nodes with this before
 * making a {@link FlowGraph}.
 */
public final class NodeIds {
    /** Numeric ids by value, then any others by text. */
    public static final Comparator<String> CREATION_ORDER = (a, b) -> compare(a, isNumeric(a), b, isNumeric(b));

    private static int compare(String a, boolean numericA, String b, boolean numericB) {
        if (numericA && numericB) {
            // Numbers of any length, without parsing: the shorter is the smaller (CPS writes no leading zeros).
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /**
     * Sorts items by their ids in {@link #CREATION_ORDER}, stably, telling each id's kind once rather than at every
     * comparison (a run's graph holds hundreds of nodes, a job thousands of runs).
     */
    public static <T> void sortInCreationOrder(List<T> items, Function<T, String> id) {
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            String each = id.apply(item);
            keyed.add(new Keyed<>(item, each, isNumeric(each)));
        }
        keyed.sort((a, b) -> compare(a.id(), a.numeric(), b.id(), b.numeric()));
        for (int i = 0; i < keyed.size(); i++) {
            items.set(i, keyed.get(i).item());
        }
    }

    private record Keyed<T>(T item, String id, boolean numeric) {
    }

    private NodeIds() {
    }

    private static boolean isNumeric(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
