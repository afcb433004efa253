package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.CreditPlan.Kind;
import io.crowdrecon.recon.benchmark.CreditPlan.PlannedCredit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL write floor: exactly the rows the pipeline writes for a set of credits (credit rows,
 * order updates with their history rows, moneyins, moneyouts, unidentified transfers with their
 * return instructions, the event sequence and event log rows), written by plain JDBC with the same
 * multi-row statements (one per table per batch, columns as arrays) and the same batch size, one
 * transaction per batch, with no Kafka, no Spring, no matching. Optionally it also runs the reads
 * the pipeline makes before deciding a batch (credits already recorded, bank references, portals,
 * the named orders locked FOR UPDATE).
 */
final class WriteFloor {

    /** What the pipeline's R2dbcOrders.insertHistory runs. */
    private static final String INSERT_HISTORY =
            """
            INSERT INTO order_status_history (order_id, position, status, previous_status, reason, at)
            SELECT v.order_id,
                   coalesce((SELECT max(h.position) FROM order_status_history h
                              WHERE h.order_id = v.order_id), 0)
                     + row_number() OVER (PARTITION BY v.order_id ORDER BY v.ord),
                   v.status, v.previous_status, v.reason, v.at
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY
                   AS v(order_id, status, previous_status, reason, at, ord)""";

    private static final String UPDATE_ORDERS =
            """
            UPDATE purchase_order o SET status = v.to_status, updated_at = v.at
              FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) AS v(order_id, from_status, to_status, at)
             WHERE o.order_id = v.order_id AND o.status = v.from_status""";

    private static final String INSERT_EVENTS =
            """
            INSERT INTO event_log (seq, event_id, topic, event_key, event_type, source, portal_id, order_id,
                                   campaign_id, payload, created_at)
            SELECT ? + t.ord - 1, t.event_id, t.topic, t.event_key, t.event_type, t.source, t.portal_id,
                   t.order_id, t.campaign_id, t.payload, ?::timestamptz
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(event_id, topic, event_key, event_type, source, portal_id, order_id,
                                      campaign_id, payload, ord)""";

    private static final String[] CREDIT_COLUMNS = {
        "notification_id",
        "channel",
        "amount:numeric",
        "currency",
        "creditor_iban",
        "bank_reference",
        "booking_date:date",
        "received_at:timestamptz",
        "payer_name",
        "payer_iban",
        "description",
        "structured_reference",
        "psp_reference",
        "card_order_id",
        "return_of_instruction_id",
        "portal_id",
        "outcome",
        "reason",
        "order_id",
        "duplicate_of",
        "recorded_at:timestamptz"
    };
    private static final String[] MONEYIN_COLUMNS = {
        "moneyin_id",
        "order_id",
        "portal_id",
        "campaign_id",
        "notification_id",
        "amount:numeric",
        "currency",
        "channel",
        "payer_iban",
        "payer_name",
        "psp_reference",
        "status",
        "created_at:timestamptz",
        "recalled_at:timestamptz"
    };
    private static final String[] MONEYOUT_COLUMNS = {
        "moneyout_id",
        "order_id",
        "moneyin_id",
        "portal_id",
        "campaign_id",
        "company_id",
        "type",
        "status",
        "amount:numeric",
        "currency",
        "split_of",
        "created_at:timestamptz",
        "updated_at:timestamptz",
        "executed_at:timestamptz"
    };
    private static final String[] UNIDENTIFIED_COLUMNS = {
        "unidentified_transfer_id",
        "notification_id",
        "portal_id",
        "channel",
        "amount:numeric",
        "currency",
        "description",
        "payer_name",
        "payer_iban",
        "psp_reference",
        "reason",
        "candidate_order_id",
        "status",
        "received_at:timestamptz",
        "returned_at:timestamptz",
        "created_at:timestamptz"
    };
    private static final String[] INSTRUCTION_COLUMNS = {
        "instruction_id",
        "type",
        "channel",
        "status",
        "amount:numeric",
        "currency",
        "creditor_iban",
        "creditor_name",
        "psp_reference",
        "remittance_information",
        "portal_id",
        "order_id",
        "unidentified_transfer_id",
        "campaign_id",
        "refund_id",
        "cashout_id",
        "reissue_of",
        "created_at:timestamptz",
        "updated_at:timestamptz"
    };

    /** The result of one run. */
    record Result(int credits, int batches, long nanos, long clientCpuNanos) {
        double perSecond() {
            return credits / (nanos / 1e9);
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String portalId;
    private final String campaignId;
    private final String companyId;
    private final int batchSize;
    private final boolean withReads;

    WriteFloor(
            String jdbcUrl,
            String user,
            String portalId,
            String campaignId,
            String companyId,
            int batchSize,
            boolean withReads) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.portalId = portalId;
        this.campaignId = campaignId;
        this.companyId = companyId;
        this.batchSize = batchSize;
        this.withReads = withReads;
    }

    /** Writes every distinct credit of {@code plan}, in publish order, {@code threads} batches at a time. */
    Result run(CreditPlan plan, int threads) throws Exception {
        List<PlannedCredit> credits =
                plan.publishOrder.stream().filter(c -> !c.isRedelivery()).toList();
        List<List<PlannedCredit>> batches = new ArrayList<>();
        for (int i = 0; i < credits.size(); i += batchSize) {
            batches.add(credits.subList(i, Math.min(credits.size(), i + batchSize)));
        }
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(
                    jdbcUrl + "?ApplicationName=crowdrecon-bench-floor" + (withReads ? "-reads" : ""), user, "");
            c.setAutoCommit(false);
            connections.add(c);
        }
        java.util.concurrent.atomic.AtomicInteger names = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, runnable -> new Thread(runnable, "bench-floor-" + names.incrementAndGet()));
        try {
            long started = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    long cpu = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    for (int b = thread; b < batches.size(); b += threads) {
                        writeBatch(connections.get(thread), batches.get(b), plan);
                    }
                    return java.lang.management.ManagementFactory.getThreadMXBean()
                                    .getCurrentThreadCpuTime()
                            - cpu;
                }));
            }
            long elapsed = 0;
            long clientCpu = 0;
            for (Future<Long> f : done) {
                clientCpu += f.get();
            }
            elapsed = System.nanoTime() - started;
            return new Result(credits.size(), batches.size(), elapsed, clientCpu);
        } finally {
            pool.shutdown();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private void writeBatch(Connection connection, List<PlannedCredit> batch, CreditPlan plan) throws SQLException {
        Instant now = Instant.now();
        String at = now.toString();
        if (withReads) {
            readFacts(connection, batch);
        }
        Rows credits = new Rows(CREDIT_COLUMNS);
        Rows moneyins = new Rows(MONEYIN_COLUMNS);
        Rows moneyouts = new Rows(MONEYOUT_COLUMNS);
        Rows unidentified = new Rows(UNIDENTIFIED_COLUMNS);
        Rows instructions = new Rows(INSTRUCTION_COLUMNS);
        List<String[]> moves = new ArrayList<>(); // order, from, to, reason
        List<String[]> events = new ArrayList<>(); // topic, key, type, orderId, payload
        for (PlannedCredit c : batch) {
            String creditPortal = c.kind == Kind.UNKNOWN_ACCOUNT ? null : portalId;
            String amount = c.amount.toPlainString();
            if (c.kind == Kind.EXACT) {
                String moneyinId = id("MI");
                String orderId = c.order.orderId();
                moneyins.add(
                        moneyinId,
                        orderId,
                        portalId,
                        campaignId,
                        c.notificationId,
                        amount,
                        "EUR",
                        "BANK_TRANSFER",
                        c.payerIban,
                        CreditPlan.PAYER_NAME,
                        null,
                        "RECEIVED",
                        at,
                        null);
                for (String[] part : new String[][] {
                    {"COMPANY", c.order.orderAmount().toPlainString()},
                    {"FEE", c.order.feeAmount().toPlainString()}
                }) {
                    String moneyoutId = id("MO");
                    moneyouts.add(
                            moneyoutId,
                            orderId,
                            moneyinId,
                            portalId,
                            campaignId,
                            companyId,
                            part[0],
                            "AVAILABLE",
                            part[1],
                            "EUR",
                            null,
                            at,
                            at,
                            null);
                    events.add(new String[] {
                        "recon.moneyouts",
                        orderId,
                        "crowdrecon.moneyout.created.v1",
                        orderId,
                        "{\"moneyoutId\":\"" + moneyoutId + "\",\"orderId\":\"" + orderId + "\",\"companyId\":\""
                                + companyId + "\",\"type\":\"" + part[0] + "\",\"status\":\"AVAILABLE\",\"amount\":"
                                + part[1] + ",\"cashoutAvailableAmount\":" + part[1]
                                + ",\"currency\":\"EUR\",\"createdDatetime\":\"" + at
                                + "\",\"executedDatetime\":null}"
                    });
                }
                moves.add(new String[] {orderId, "WAITING", "ACCOUNTED", "PAYMENT_MATCHED"});
                events.add(orderEvent(orderId, "ACCOUNTED", "PAYMENT_MATCHED", at));
                credits.add(creditRow(c, plan, creditPortal, "MATCHED", null, orderId, at));
            } else {
                String transferId = id("UTR");
                String instructionId = id("PI");
                String remittance = "Return of " + c.bankReference + ": " + c.kind.name();
                unidentified.add(
                        transferId,
                        c.notificationId,
                        creditPortal,
                        "BANK_TRANSFER",
                        amount,
                        c.currency,
                        c.description,
                        CreditPlan.PAYER_NAME,
                        c.payerIban,
                        null,
                        c.kind.name(),
                        c.namedOrderId,
                        "RETURN_REQUESTED",
                        plan.receivedDatetime,
                        null,
                        plan.receivedDatetime);
                instructions.add(
                        instructionId,
                        "TRANSFER_RETURN",
                        "BANK_TRANSFER",
                        "CREATED",
                        amount,
                        c.currency,
                        c.payerIban,
                        CreditPlan.PAYER_NAME,
                        null,
                        remittance,
                        creditPortal,
                        null,
                        transferId,
                        null,
                        null,
                        null,
                        null,
                        at,
                        at);
                events.add(new String[] {
                    "recon.unidentified-transfers",
                    transferId,
                    "crowdrecon.unidentified-transfer.received.v1",
                    null,
                    "{\"unidentifiedTransferId\":\"" + transferId + "\",\"amount\":" + amount + ",\"currency\":\""
                            + c.currency + "\",\"description\":\"" + c.description + "\",\"payerName\":\""
                            + CreditPlan.PAYER_NAME + "\",\"payerIban\":\"" + c.payerIban + "\",\"reason\":\""
                            + c.kind.name() + "\",\"candidateOrderId\":"
                            + (c.namedOrderId == null ? "null" : "\"" + c.namedOrderId + "\"")
                            + ",\"status\":\"RETURN_REQUESTED\",\"receivedDatetime\":\"" + plan.receivedDatetime
                            + "\",\"returnedDatetime\":null}"
                });
                events.add(new String[] {
                    "recon.payment-instructions",
                    transferId,
                    "crowdrecon.payment-instruction.requested.v1",
                    null,
                    "{\"instructionId\":\"" + instructionId
                            + "\",\"type\":\"TRANSFER_RETURN\",\"channel\":\"MONEY_TRANSFER\",\"amount\":" + amount
                            + ",\"currency\":\"" + c.currency + "\",\"creditorIban\":\"" + c.payerIban
                            + "\",\"creditorName\":\"" + CreditPlan.PAYER_NAME
                            + "\",\"pspReference\":null,\"remittanceInformation\":\"" + remittance
                            + "\",\"orderId\":null,\"unidentifiedTransferId\":\"" + transferId
                            + "\",\"campaignId\":null,\"portalId\":"
                            + (creditPortal == null ? "null" : "\"" + creditPortal + "\"") + "}"
                });
                if (c.kind == Kind.AMOUNT_MISMATCH) {
                    moves.add(new String[] {c.order.orderId(), "WAITING", "INCORRECT_AMOUNT", "AMOUNT_MISMATCH"});
                    events.add(orderEvent(c.order.orderId(), "INCORRECT_AMOUNT", "AMOUNT_MISMATCH", at));
                }
                credits.add(creditRow(c, plan, creditPortal, "UNIDENTIFIED", c.kind.name(), c.namedOrderId, at));
            }
        }
        credits.insert(connection, "credit");
        moveOrders(connection, moves, at);
        moneyins.insert(connection, "moneyin");
        moneyouts.insert(connection, "moneyout");
        unidentified.insert(connection, "unidentified_transfer");
        instructions.insert(connection, "payment_instruction");
        appendEvents(connection, events, now);
        connection.commit();
    }

    private String[] creditRow(
            PlannedCredit c,
            CreditPlan plan,
            String creditPortal,
            String outcome,
            String reason,
            String orderId,
            String at) {
        String bookingDate = plan.bookingDate;
        String receivedAt = plan.receivedDatetime;
        return new String[] {
            c.notificationId,
            "BANK_TRANSFER",
            c.amount.toPlainString(),
            c.currency,
            c.creditorIban,
            c.bankReference,
            bookingDate,
            receivedAt,
            CreditPlan.PAYER_NAME,
            c.payerIban,
            c.description,
            null,
            null,
            null,
            null,
            creditPortal,
            outcome,
            reason,
            orderId,
            null,
            at
        };
    }

    private String[] orderEvent(String orderId, String status, String reason, String at) {
        return new String[] {
            "recon.order-events",
            orderId,
            "crowdrecon.order.status-changed.v1",
            orderId,
            "{\"orderId\":\"" + orderId + "\",\"campaignId\":\"" + campaignId + "\",\"status\":\"" + status
                    + "\",\"previousStatus\":\"WAITING\",\"reason\":\"" + reason + "\",\"at\":\"" + at + "\"}"
        };
    }

    private void moveOrders(Connection connection, List<String[]> moves, String at) throws SQLException {
        if (moves.isEmpty()) {
            return;
        }
        int n = moves.size();
        String[][] cols = new String[4][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                cols[k][i] = moves.get(i)[k];
            }
        }
        String[] ats = new String[n];
        java.util.Arrays.fill(ats, at);
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ORDERS)) {
            update.setArray(1, connection.createArrayOf("text", cols[0]));
            update.setArray(2, connection.createArrayOf("text", cols[1]));
            update.setArray(3, connection.createArrayOf("text", cols[2]));
            update.setArray(4, connection.createArrayOf("text", ats));
            int updated = update.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("expected to move " + n + " orders, moved " + updated);
            }
        }
        try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
            history.setArray(1, connection.createArrayOf("text", cols[0]));
            history.setArray(2, connection.createArrayOf("text", cols[2]));
            history.setArray(3, connection.createArrayOf("text", cols[1]));
            history.setArray(4, connection.createArrayOf("text", cols[3]));
            history.setArray(5, connection.createArrayOf("text", ats));
            history.executeUpdate();
        }
    }

    private void appendEvents(Connection connection, List<String[]> events, Instant now) throws SQLException {
        int n = events.size();
        if (n == 0) {
            return;
        }
        long last;
        try (PreparedStatement seq = connection.prepareStatement(
                "UPDATE event_sequence SET last_seq = last_seq + ? WHERE id = 1 RETURNING last_seq")) {
            seq.setInt(1, n);
            try (ResultSet rs = seq.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        String[] ids = new String[n];
        String[][] cols = new String[5][n];
        String[] sources = new String[n];
        String[] portals = new String[n];
        String[] campaigns = new String[n];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            ids[i] = new UUID(
                            (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L,
                            (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L)
                    .toString();
            for (int k = 0; k < 5; k++) {
                cols[k][i] = events.get(i)[k];
            }
            sources[i] = "/portals/" + portalId;
            portals[i] = portalId;
            campaigns[i] = cols[3][i] == null ? null : campaignId;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENTS)) {
            insert.setLong(1, last - n + 1);
            insert.setString(2, now.toString());
            insert.setArray(3, connection.createArrayOf("text", ids));
            insert.setArray(4, connection.createArrayOf("text", cols[0]));
            insert.setArray(5, connection.createArrayOf("text", cols[1]));
            insert.setArray(6, connection.createArrayOf("text", cols[2]));
            insert.setArray(7, connection.createArrayOf("text", sources));
            insert.setArray(8, connection.createArrayOf("text", portals));
            insert.setArray(9, connection.createArrayOf("text", cols[3]));
            insert.setArray(10, connection.createArrayOf("text", campaigns));
            insert.setArray(11, connection.createArrayOf("text", cols[4]));
            insert.executeUpdate();
        }
    }

    /** The five queries the pipeline's R2dbcCreditLedger.factsFor makes, with every row read. */
    private void readFacts(Connection connection, List<PlannedCredit> batch) throws SQLException {
        int n = batch.size();
        String[] ids = new String[n];
        String[] ibans = new String[n];
        String[] refs = new String[n];
        TreeSet<String> named = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            PlannedCredit c = batch.get(i);
            ids[i] = c.notificationId;
            ibans[i] = c.creditorIban;
            refs[i] = c.bankReference;
            if (c.namedOrderId != null) {
                named.add(c.namedOrderId);
            }
        }
        query(
                connection,
                "SELECT notification_id, amount, currency, booking_date FROM credit WHERE notification_id ="
                        + " ANY(?::text[])",
                ids);
        query(
                connection,
                """
                SELECT c.notification_id, c.creditor_iban, c.bank_reference, c.amount, c.currency, c.booking_date
                  FROM credit c
                  JOIN unnest(?::text[], ?::text[]) AS r(creditor_iban, bank_reference)
                    ON c.creditor_iban = r.creditor_iban AND c.bank_reference = r.bank_reference
                 WHERE c.channel = 'BANK_TRANSFER' AND c.outcome <> 'DUPLICATE_FEED'""",
                ibans,
                refs);
        query(
                connection,
                "SELECT portal_id, collection_iban FROM portal WHERE collection_iban = ANY(?::text[])",
                java.util.Arrays.stream(ibans).distinct().toArray(String[]::new));
        query(
                connection,
                "SELECT * FROM purchase_order WHERE order_id = ANY(?::text[]) ORDER BY order_id FOR UPDATE",
                named.toArray(String[]::new));
    }

    private static void query(Connection connection, String sql, String[]... arrays) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                st.setArray(i + 1, connection.createArrayOf("text", arrays[i]));
            }
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                }
            }
        }
    }

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private static String id(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return prefix + new String(chars);
    }

    /** Rows of one table, column by column; inserted with one {@code INSERT … SELECT FROM unnest(…)}. */
    private static final class Rows {
        private final String[] names;
        private final String[] types;
        private final List<String[]> rows = new ArrayList<>();

        Rows(String[] columns) {
            names = new String[columns.length];
            types = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String[] parts = columns[i].split(":");
                names[i] = parts[0];
                types[i] = parts.length > 1 ? parts[1] : "text";
            }
        }

        void add(String... values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(values.length + " values for " + names.length + " columns");
            }
            rows.add(values);
        }

        void insert(Connection connection, String table) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ")
                    .append(table)
                    .append(" (")
                    .append(String.join(", ", names))
                    .append(") SELECT * FROM unnest(");
            for (int i = 0; i < names.length; i++) {
                sql.append(i == 0 ? "" : ", ").append("?::").append(types[i]).append("[]");
            }
            sql.append(')');
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                for (int col = 0; col < names.length; col++) {
                    String[] values = new String[rows.size()];
                    for (int r = 0; r < values.length; r++) {
                        values[r] = rows.get(r)[col];
                    }
                    insert.setArray(col + 1, connection.createArrayOf("text", values));
                }
                insert.executeUpdate();
            }
        }
    }
}
