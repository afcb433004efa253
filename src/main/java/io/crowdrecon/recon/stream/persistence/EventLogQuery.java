package io.crowdrecon.recon.stream.persistence;

import io.crowdrecon.recon.stream.EventFilter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The event log read after a seq through a filter, as one SQL statement with positional parameters.
 * Each part of the filter becomes a condition only when it is set: a catch-all such as
 * {@code ($2 IS NULL OR order_id = $2)} would leave the driver's cached (generic) plan unable to use
 * the order index, and a resume would scan the log from its seq onwards. With the equality alone,
 * PostgreSQL reads only the filter's rows, from {@code event_log_order_seq}, {@code
 * event_log_campaign_seq} or {@code event_log_portal_topic_seq} (V8__event_log_replay_indexes.sql).
 */
record EventLogQuery(String sql, List<Object> parameters) {

    private static final String COLUMNS =
            "seq, event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id, payload, created_at";

    static EventLogQuery after(long seq, EventFilter filter, int limit) {
        List<Object> parameters = new ArrayList<>();
        // Bounded by the committed sequence: the rows a long transaction (a bank file) has appended but not
        // committed lie above it, and the index scan stops there instead of visiting each of them every poll.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM event_log WHERE seq > $1 AND seq <= (SELECT last_seq FROM event_sequence WHERE id = 1)");
        parameters.add(seq);
        condition(sql, parameters, "portal_id", filter.portalId());
        condition(sql, parameters, "topic", filter.topic());
        condition(sql, parameters, "campaign_id", filter.campaignId());
        condition(sql, parameters, "order_id", filter.orderId());
        parameters.add(limit);
        sql.append(" ORDER BY seq LIMIT $").append(parameters.size());
        return new EventLogQuery(sql.toString(), List.copyOf(parameters));
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, @Nullable String value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" AND ").append(column).append(" = $").append(parameters.size());
        }
    }
}
