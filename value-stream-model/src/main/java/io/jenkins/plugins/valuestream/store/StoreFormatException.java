package io.jenkins.plugins.valuestream.store;

import java.io.IOException;

/**
 * A store file that this version must not write to: one of another format version, or a file that is not a store at
 * all. Reading such a file returns no runs and a warning; {@link JobStore#rebuild} replaces it.
 */
public final class StoreFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreFormatException(String message) {
        super(message);
    }
}
