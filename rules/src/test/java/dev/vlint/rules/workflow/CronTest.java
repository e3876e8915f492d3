package dev.vlint.rules.workflow;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CronTest {
    @Test
    void acceptsWhatGitHubRuns() {
        for (String ok : new String[] {"*/5 * * * *", "0 3 * * 1-5", "15 4 1 JAN,JUL SUN", "0 0 * * 7", "5/10 * * * *",
                "0,30 */2 * * *"}) {
            assertNull(EventInvalid.Cron.problem(ok), ok);
        }
    }

    @Test
    void refusesBadFieldsAndShortIntervals() {
        assertTrue(EventInvalid.Cron.problem("0 24 * * *").contains("hour"));
        assertTrue(EventInvalid.Cron.problem("0 0 * * FUN").contains("day of week"));
        assertTrue(EventInvalid.Cron.problem("*/0 * * * *").contains("minute"));
        assertTrue(EventInvalid.Cron.problem("*/2 * * * *").contains("every 2 minutes"));
        // 23:58 and 00:01 are 3 minutes apart across midnight
        assertTrue(EventInvalid.Cron.problem("1,58 0,23 * * *").contains("every 3 minutes"));
        assertTrue(EventInvalid.Cron.problem("0 3 * *").contains("4 fields"));
    }
}
