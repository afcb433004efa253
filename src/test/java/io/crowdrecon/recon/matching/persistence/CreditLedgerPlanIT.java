package io.crowdrecon.recon.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher's lookup of booked bank references must probe the unique (creditor_iban, bank_reference) index, also
 * while the credit table has no statistics: a new database, before autovacuum's first ANALYZE. Until migration V22
 * a (creditor_iban, booking_date) index won that choice and every probe read all the account's credits, and a join
 * of the references could hash every bank credit instead; the throughput benchmark fell to 1,268 credits/s on it.
 * Either half of the fix alone (the index of V22, the lateral probe) fails this test. A database of its own, 20,000
 * credits of one collection account written with autovacuum off (so never analyzed), then the plans, generic and
 * with 500 values.
 */
class CreditLedgerPlanIT {

    private static final String ACCOUNT = "DE75038405589322626260";
    private static final int CREDITS = 20_000;

    private static FreshDatabase database;

    @BeforeAll
    static void aNewDatabaseWithAnAccountOfTwentyThousandCreditsAndNoStatistics() throws SQLException {
        database = FreshDatabase.create("plan");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE credit SET (autovacuum_enabled = false)");
            statement.execute(
                    """
                    INSERT INTO credit (notification_id, channel, amount, currency, creditor_iban, bank_reference,
                                        booking_date, received_at, outcome, recorded_at)
                    SELECT 'N' || i, 'BANK_TRANSFER', 100, 'EUR', '%s', 'REF' || i, current_date, now(),
                           'UNIDENTIFIED', now()
                      FROM generate_series(1, %d) i"""
                            .formatted(ACCOUNT, CREDITS));
            try (ResultSet analyzed =
                    statement.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'credit'")) {
                analyzed.next();
                assertThat(analyzed.getFloat(1)).as("credit was never analyzed").isNegative();
            }
        }
    }

    @AfterAll
    static void dropIt() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void probesTheUniqueBankReferenceIndexBeforeTheTableHasStatistics() throws SQLException {
        String sql = R2dbcCreditLedger.BY_BANK_REFERENCE.replace(":ibans", "$1").replace(":refs", "$2");
        List<String> plans = new ArrayList<>();
        // The plan the driver's prepared statement ends up with: $1 and $2 unbound.
        plans.add(database.genericPlan(sql));
        // With a batch's 500 references bound.
        try (Connection connection = database.connect();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN (COSTS OFF) " + sql.replace("$1", "?").replace("$2", "?"))) {
            String[] ibans = new String[500];
            String[] references = new String[500];
            for (int i = 0; i < 500; i++) {
                ibans[i] = ACCOUNT;
                references[i] = "REF" + (CREDITS - i * 7);
            }
            explain.setArray(1, connection.createArrayOf("text", ibans));
            explain.setArray(2, connection.createArrayOf("text", references));
            try (ResultSet plan = explain.executeQuery()) {
                plans.add(FreshDatabase.planText(plan));
            }
        }

        for (String plan : plans) {
            assertThat(plan)
                    .contains("Index Scan using credit_bank_reference_once")
                    .contains("Index Cond: ((creditor_iban = r.creditor_iban) AND (bank_reference = r.bank_reference))")
                    .doesNotContain("Hash")
                    .doesNotContain("Seq Scan on credit");
        }
    }
}
