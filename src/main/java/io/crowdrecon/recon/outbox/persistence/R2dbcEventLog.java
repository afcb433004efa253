package io.crowdrecon.recon.outbox.persistence;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.outbox.PublishedData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Event log on PostgreSQL: one statement per append, its events bound as arrays. The event counter's row lock, held
 * until commit, numbers the events in commit order; where it is taken depends on the batch:
 *
 * <ul>
 *   <li>a few events (an API call's) go to {@code event_pending}, which the transaction's COMMIT numbers and writes to
 *       {@code event_log} (migration V23): the lock is taken inside the commit, never held across a round trip to this
 *       service, so a service slow under load does not make every writer queue behind one;
 *   <li>a large batch (a batch of bank credits, a chunk of a bank file) is numbered and written at once, as its
 *       transaction's last write: staging its rows would cost PostgreSQL more than the one round trip saved. The
 *       batches the transaction staged before it are numbered first, so a transaction's events keep their order.
 * </ul>
 */
public class R2dbcEventLog implements EventLog {

    /** The largest batch staged for the commit; larger ones are written at once. */
    static final int STAGED_AT_MOST = 32;

    /** Numbers the transaction's staged batches, then this one (migration V23). */
    private static final String NUMBERED_NOW =
            """
            SELECT event_log_append(:now, :eventIds::uuid[], :topics::text[], :keys::text[], :types::text[],
                                    :sources::text[], :portalIds::text[], :orderIds::text[], :campaignIds::text[],
                                    :payloads::text[], :contentTypes::text[], :datas::text[], :extensions::text[])
            """;

    private static final String NUMBERED_AT_COMMIT =
            """
            INSERT INTO event_pending (created_at, event_ids, topics, event_keys, event_types, sources, portal_ids,
                                       order_ids, campaign_ids, payloads, content_types, datas, extensions)
            VALUES (:now, :eventIds::uuid[], :topics::text[], :keys::text[], :types::text[], :sources::text[],
                    :portalIds::text[], :orderIds::text[], :campaignIds::text[], :payloads::text[],
                    :contentTypes::text[], :datas::text[], :extensions::text[])
            """;

    private final DatabaseClient database;
    private final ObjectMapper json;
    private final Clock clock;

    public R2dbcEventLog(DatabaseClient database, ObjectMapper json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Mono<Void> append(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        int n = events.size();
        String[] eventIds = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] portalIds = new String[n];
        String[] orderIds = new String[n];
        String[] campaignIds = new String[n];
        String[] payloads = new String[n];
        // Bytes travel as base64 text: one array of text binds where an array of bytea would not.
        String[] contentTypes = new String[n];
        String[] datas = new String[n];
        String[] extensions = new String[n];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            OutboundEvent event = events.get(i);
            eventIds[i] = randomUuid(random).toString();
            topics[i] = event.topic();
            keys[i] = event.key();
            types[i] = event.type();
            sources[i] = event.source();
            portalIds[i] = event.portalId();
            orderIds[i] = event.orderId();
            campaignIds[i] = event.campaignId();
            payloads[i] = json.writeValueAsString(event.data());
            PublishedData published = event.published();
            if (published != null) {
                contentTypes[i] = published.contentType();
                byte[] bytes = published.bytes();
                datas[i] = bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
                extensions[i] = json.writeValueAsString(published.extensions());
            }
        }
        DatabaseClient.GenericExecuteSpec statement =
                n <= STAGED_AT_MOST ? database.sql(NUMBERED_AT_COMMIT) : database.sql(NUMBERED_NOW);
        return statement
                .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .bind("eventIds", eventIds)
                .bind("topics", topics)
                .bind("keys", keys)
                .bind("types", types)
                .bind("sources", sources)
                .bind("portalIds", portalIds)
                .bind("orderIds", orderIds)
                .bind("campaignIds", campaignIds)
                .bind("payloads", payloads)
                .bind("contentTypes", contentTypes)
                .bind("datas", datas)
                .bind("extensions", extensions)
                .then();
    }

    /** A version-4 UUID without SecureRandom, whose first use may read /dev/urandom on an event loop. */
    private static UUID randomUuid(ThreadLocalRandom random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
