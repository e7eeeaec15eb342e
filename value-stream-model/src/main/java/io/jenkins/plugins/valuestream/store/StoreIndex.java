package io.jenkins.plugins.valuestream.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a scan of a store file found: the string table, where the newest record of every live run is, how far the
 * valid frames reach, and what was wrong. Mutable; used only under the store's lock.
 */
final class StoreIndex {
    /** Where a run's frame is, and how many strings were defined when it was written (its ids are below). */
    record FrameRef(long offset, int length, int stringCount) {
    }

    static final int MAX_WARNINGS = 50;
    private static final byte[] NO_HEADER = new byte[0];

    /** The header of the file this index describes: a new header means a new file. */
    byte[] header;
    /** The end of the last valid frame (the header's end when there is none). */
    long end;
    /** The offset of the last valid frame, or -1. */
    long lastFrameOffset = -1;

    private final List<@Nullable String> strings = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final BitSet conflicting = new BitSet();
    private int nextId;
    private final TreeMap<Integer, FrameRef> live = new TreeMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private int moreWarnings;
    /** The warning about an unreadable end of the file, dropped when the end is cut off. */
    private @Nullable String tailWarning;

    StoreIndex(byte[] header) {
        this.header = header;
        this.end = Frames.HEADER_SIZE;
    }

    /** An index of a missing or empty file. */
    static StoreIndex empty() {
        StoreIndex index = new StoreIndex(NO_HEADER);
        index.end = 0;
        return index;
    }

    // ---- strings

    /** Records strings defined by a STRINGS frame. An id defined twice with different text is unusable. */
    void defineStrings(int firstId, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            int id = firstId + i;
            String value = values.get(i);
            if (conflicting.get(id)) {
                continue;
            }
            while (strings.size() <= id) {
                strings.add(null);
            }
            String existing = strings.get(id);
            if (existing == null) {
                strings.set(id, value);
                ids.putIfAbsent(value, id);
            } else if (!existing.equals(value)) {
                conflicting.set(id);
                strings.set(id, null);
                ids.remove(existing, id);
                warn("String " + id + " of the store is defined twice with different text; the records using it"
                        + " are dropped");
            }
        }
        nextId = Math.max(nextId, firstId + values.size());
    }

    /** The string with the given id, or {@code null} where it is not (validly) defined. */
    @Nullable String string(int id) {
        return id >= 0 && id < strings.size() ? strings.get(id) : null;
    }

    @Nullable Integer id(String value) {
        return ids.get(value);
    }

    /** The first id not yet used by any string or record: new strings get ids from here. */
    int nextId() {
        return nextId;
    }

    /** The lowest id below {@link #nextId()} without a valid definition, or {@link #nextId()}. */
    int firstUndefinedId() {
        for (int id = 0; id < nextId; id++) {
            if (string(id) == null) {
                return id;
            }
        }
        return nextId;
    }

    /** Makes sure that no new string gets an id below the given one (an id used by a record that was lost). */
    void reserveIdsBelow(int id) {
        nextId = Math.max(nextId, id);
    }

    int stringCount() {
        return ids.size();
    }

    /** The defined strings by id (null where undefined), for saving the index. */
    List<@Nullable String> stringsById() {
        return Collections.unmodifiableList(strings);
    }

    BitSet conflictingIds() {
        return (BitSet) conflicting.clone();
    }

    void markConflicting(int id) {
        conflicting.set(id);
        if (id < strings.size()) {
            String existing = strings.get(id);
            if (existing != null) {
                ids.remove(existing, id);
            }
            strings.set(id, null);
        }
        nextId = Math.max(nextId, id + 1);
    }

    // ---- runs

    void putRun(int number, FrameRef ref) {
        live.put(number, ref);
        nextId = Math.max(nextId, ref.stringCount());
    }

    void removeRun(int number) {
        live.remove(number);
    }

    NavigableMap<Integer, FrameRef> live() {
        return Collections.unmodifiableNavigableMap(live);
    }

    /**
     * A copy of the live runs, in ascending or descending order of number. (A copy of entries, not of the map's own
     * entry objects, which a later removal may change.)
     */
    List<Map.Entry<Integer, FrameRef>> liveRuns(boolean descending) {
        NavigableMap<Integer, FrameRef> ordered = descending ? live.descendingMap() : live;
        List<Map.Entry<Integer, FrameRef>> copy = new ArrayList<>(ordered.size());
        ordered.forEach((number, ref) -> copy.add(Map.entry(number, ref)));
        return copy;
    }

    // ---- warnings

    void warn(String warning) {
        if (warnings.contains(warning)) {
            return;
        }
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            moreWarnings++;
        }
    }

    void warnTail(String warning) {
        tailWarning = warning;
    }

    /** The end of the file past the last valid frame has been cut off. */
    void tailRemoved() {
        tailWarning = null;
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (tailWarning != null) {
            all.add(tailWarning);
        }
        if (moreWarnings > 0) {
            all.add(moreWarnings + " more warnings about the store");
        }
        return List.copyOf(all);
    }

    /** The warnings to save with the index (the tail warning is found again by the scan of the tail). */
    List<String> savedWarnings() {
        return List.copyOf(warnings);
    }
}
