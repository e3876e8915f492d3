package dev.vlint.fix;

/** How freely a fix may be applied. */
public enum Applicability {
    /** Applied by {@code --fix}. */
    SAFE,
    /** Applied only with {@code --unsafe-fixes}. */
    UNSAFE,
    /** Shown to people, never applied. */
    DISPLAY_ONLY
}
