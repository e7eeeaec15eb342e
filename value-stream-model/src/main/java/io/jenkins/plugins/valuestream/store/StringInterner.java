package io.jenkins.plugins.valuestream.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each string written in one append its id: the id it already has in the store, or a new one after every id
 * the store has used. The new strings are written in a STRINGS frame before the records that use them.
 */
final class StringInterner {
    private final StoreIndex index;
    private final int firstNewId;
    private final List<String> added = new ArrayList<>();
    private final Map<String, Integer> addedIds = new HashMap<>();

    StringInterner(StoreIndex index) {
        this.index = index;
        this.firstNewId = index.nextId();
    }

    int id(String value) {
        Integer id = index.id(value);
        if (id == null) {
            id = addedIds.get(value);
        }
        if (id == null) {
            id = firstNewId + added.size();
            added.add(value);
            addedIds.put(value, id);
        }
        return id;
    }

    /** One more than the highest id handed out so far. */
    int nextId() {
        return firstNewId + added.size();
    }

    int firstNewId() {
        return firstNewId;
    }

    /** The strings that are new to the store, in id order. */
    List<String> added() {
        return added;
    }
}
