package dev.vlint.fixers.build;

/** The build cannot be run as asked; the message tells the user why. vlint exits with 2. */
public final class BuildException extends Exception {
    public BuildException(String message) {
        super(message);
    }
}
