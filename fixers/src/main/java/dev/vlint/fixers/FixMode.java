package dev.vlint.fixers;

import dev.vlint.fix.Applicability;

/** Which fixes a run may apply. Display-only fixes are never applied. */
public enum FixMode {
    /** {@code --fix}: safe fixes only. */
    SAFE,
    /** {@code --unsafe-fixes}: safe and unsafe fixes. */
    UNSAFE;

    public boolean allows(Applicability applicability) {
        return switch (applicability) {
            case SAFE -> true;
            case UNSAFE -> this == UNSAFE;
            case DISPLAY_ONLY -> false;
        };
    }
}
