package dev.vlint.rule;

/** Whether a rule can repair what it finds, and how safely. */
public enum Fixability {
    /** No automatic fix. */
    NONE,
    /** Fixes keep the meaning of the file; applied by {@code --fix}. */
    SAFE,
    /** Fixes may change behaviour; applied only with {@code --unsafe-fixes}. */
    UNSAFE,
    /** Some fixes are safe and others unsafe, depending on the finding. */
    SOMETIMES
}
