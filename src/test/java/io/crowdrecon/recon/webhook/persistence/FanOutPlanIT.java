package io.crowdrecon.recon.webhook.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.FreshDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook fan-out runs many times a second; the plan PostgreSQL caches for it must read the events it passes over
 * through the primary key, whatever the statistics. Joined plainly, the plan cached while event_log was empty (a new
 * database) was a sequential scan of the whole log on every step: 234 scans and 38 million rows read while the
 * throughput benchmark decided 100,000 credits, the fan-out the busiest statement of all.
 */
class FanOutPlanIT {

    @Test
    void readsTheEventsItPassesOverByTheirSeqOnANewDatabase() throws SQLException {
        String sql = R2dbcDeliveries.FAN_OUT;
        List<String> parameters = List.of(":owner", ":seconds", ":limit", ":prefix", ":alphabet", ":length", ":now");
        for (int i = 0; i < parameters.size(); i++) {
            sql = sql.replaceAll(parameters.get(i) + "\\b", "\\$" + (i + 1));
        }
        try (FreshDatabase database = FreshDatabase.create("fanout")) {
            String plan = database.genericPlan(sql);
            // The cursor's move reads no event: the one access to the log is the read of the events passed over.
            assertThat(plan.split("on event_log", -1)).as(plan).hasSize(2);
            assertThat(plan)
                    .contains("Index Scan using event_log_pkey on event_log")
                    .doesNotContain("Seq Scan on event_log")
                    // With no endpoint registered, only the cursor moves: the events are not read.
                    .contains("One-Time Filter");
        }
    }
}
