package dev.vlint.cli;

/** A request vlint cannot carry out as asked (unknown rule id, existing file); exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
