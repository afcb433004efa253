package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.SeededOrder;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders written straight into PostgreSQL, as a benchmark's setup: created an hour ago, their payment window open for
 * a year, paid by {@link CreditPlan#HOLDER_NAME} {@link CreditPlan#HOLDER_SURNAME}. They have no events: nothing was
 * announced of them.
 */
final class SeededOrders {

    /** Whose orders they are: a portal, one of its OPEN campaigns, its company and an investor of the portal. */
    record Owner(String portalId, String campaignId, String companyId, String investorId) {}

    private SeededOrders() {}

    /**
     * Inserts the orders (WAITING, or CANCELLED) of one portal's campaign with their status history, in chunks of
     * 20,000, each committed. Leaves {@code db} in manual-commit mode.
     */
    /**
     * {@code perPortal} WAITING orders of each portal (1,000.00 and a 100.00 fee, paid from the portal's payer IBAN),
     * then the two tables analyzed so that the service's plans see them.
     */
    static Map<Portal, List<SeededOrder>> forPortals(Connection db, List<Portal> portals, int perPortal)
            throws SQLException {
        Random random = new Random(42);
        Set<String> used = new HashSet<>();
        Map<Portal, List<SeededOrder>> seeded = new IdentityHashMap<>();
        for (Portal portal : portals) {
            List<SeededOrder> orders = new ArrayList<>(perPortal);
            for (int i = 0; i < perPortal; i++) {
                orders.add(new SeededOrder(
                        CreditPlan.freshOrderId(random, used),
                        new BigDecimal("1000.00"),
                        new BigDecimal("100.00"),
                        portal.payerIban,
                        false));
            }
            insert(db, new Owner(portal.portalId, portal.campaignId, portal.companyId, portal.investorId), orders);
            seeded.put(portal, orders);
        }
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("VACUUM ANALYZE purchase_order, order_status_history");
        }
        return seeded;
    }

    static void insert(Connection db, Owner owner, List<SeededOrder> all) throws SQLException {
        db.setAutoCommit(false);
        OffsetDateTime created =
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime windowEnds = created.plusYears(1);
        String insertOrders =
                """
                INSERT INTO purchase_order (order_id, portal_id, campaign_id, company_id, investor_id, investor_iban,
                    holder_name, holder_surname, total_amount, order_amount, fee_amount, currency, channel,
                    description, portal_order_code, status, payment_window_ends_at, created_at, updated_at)
                SELECT v.id, ?, ?, ?, ?, v.iban, ?, ?, v.total::numeric, v.amount::numeric, v.fee::numeric, 'EUR',
                       'MONEY_TRANSFER', 'Benchmark order', v.id, v.status, ?, ?, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS v(id, iban, total, amount, fee, status)""";
        String insertHistory =
                """
                INSERT INTO order_status_history (order_id, position, status, previous_status, reason, at)
                SELECT id, 1, 'CREATED', NULL, 'ORDER_CREATED', ? FROM unnest(?::text[]) AS id
                UNION ALL
                SELECT id, 2, 'WAITING', 'CREATED', 'PORTAL_REQUEST', ? FROM unnest(?::text[]) AS id
                UNION ALL
                SELECT id, 3, 'CANCELLED', 'WAITING', 'CANCELLED_BY_PORTAL', ? FROM unnest(?::text[]) AS id""";
        int chunk = 20_000;
        for (int from = 0; from < all.size(); from += chunk) {
            List<SeededOrder> orders = all.subList(from, Math.min(all.size(), from + chunk));
            String[] ids = orders.stream().map(SeededOrder::orderId).toArray(String[]::new);
            try (PreparedStatement st = db.prepareStatement(insertOrders)) {
                int i = 1;
                st.setString(i++, owner.portalId());
                st.setString(i++, owner.campaignId());
                st.setString(i++, owner.companyId());
                st.setString(i++, owner.investorId());
                st.setString(i++, CreditPlan.HOLDER_NAME);
                st.setString(i++, CreditPlan.HOLDER_SURNAME);
                st.setObject(i++, windowEnds);
                st.setObject(i++, created);
                st.setObject(i++, created);
                st.setArray(i++, db.createArrayOf("text", ids));
                st.setArray(i++, texts(db, orders, SeededOrder::investorIban));
                st.setArray(i++, texts(db, orders, o -> o.totalAmount().toPlainString()));
                st.setArray(i++, texts(db, orders, o -> o.orderAmount().toPlainString()));
                st.setArray(i++, texts(db, orders, o -> o.feeAmount().toPlainString()));
                st.setArray(i++, texts(db, orders, o -> o.cancelled() ? "CANCELLED" : "WAITING"));
                st.executeUpdate();
            }
            try (PreparedStatement st = db.prepareStatement(insertHistory)) {
                st.setObject(1, created);
                st.setArray(2, db.createArrayOf("text", ids));
                st.setObject(3, created.plusSeconds(1));
                st.setArray(4, db.createArrayOf("text", ids));
                st.setObject(5, created.plusSeconds(2));
                st.setArray(
                        6,
                        texts(db, orders.stream().filter(SeededOrder::cancelled).toList(), SeededOrder::orderId));
                st.executeUpdate();
            }
            db.commit();
        }
    }

    /** A {@code text[]} of one field of each order. */
    private static Array texts(Connection db, List<SeededOrder> orders, Function<SeededOrder, String> field)
            throws SQLException {
        return db.createArrayOf("text", orders.stream().map(field).toArray());
    }
}
