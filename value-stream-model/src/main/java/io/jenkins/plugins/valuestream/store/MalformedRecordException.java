package io.jenkins.plugins.valuestream.store;

/**
 * Bytes that do not form a record of the store's format. Never leaves the package: a malformed record is dropped
 * and reported as a warning.
 */
final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
