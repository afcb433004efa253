package io.crowdrecon.recon.export;

import static io.crowdrecon.recon.testing.CampaignFlows.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestInfrastructure;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24 item 4: {@code GET /exports/{kind}.csv} lists the calling portal's own rows of the period as RFC 4180
 * CSV that parses back to what the API shows; {@code GET /ops/exports/{kind}.csv} lists every portal's; a bad period
 * is 400 and another portal's campaign 404; the file streams page after page in keyset order.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class ExportsIT {

    private static final String COMMA_AND_QUOTE = "Rossi, Mario \"il Magnifico\"";

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CampaignFlows flows;

    /** Two paid orders (one refunded, one payer named with a comma and a quote), a transfer left unidentified. */
    private record World(String campaign, String kept, String refunded, JsonNode transfer) {}

    private World world() {
        String campaign = flows.openCampaign();
        String kept = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String refunded = flows.order(campaign, flows.otherInvestor(), "500", "50", Ibans.randomGerman());
        Credit named = flows.creditFor(kept, "1100", Ibans.randomGerman()).payerName(COMMA_AND_QUOTE);
        flows.payments().publish(named);
        flows.payments().awaitStatus(kept, "ACCOUNTED");
        flows.pay(refunded, "550.00", Ibans.randomGerman());
        flows.portal().put("/orders/" + refunded + "/cancelled").expectStatus().isOk();
        JsonNode transfer = flows.payments().unidentifiedTransfer("12.3", Ibans.randomGerman());
        return new World(campaign, kept, refunded, transfer);
    }

    @Test
    void eachKindParsesBackToThePortalsOwnRowsWithItsHeader() throws IOException {
        World world = world();
        CampaignFlows other = new CampaignFlows(api, kafka);
        String otherCampaign = other.openCampaign();
        String otherOrder = other.order(otherCampaign, "2000", "0", Ibans.randomGerman());
        other.pay(otherOrder, "2000", Ibans.randomGerman());

        Csv moneyins = export(flows.portal(), "moneyins", "");
        assertThat(moneyins.header()).containsExactlyElementsOf(ExportKind.MONEYINS.columns());
        Map<String, CSVRecord> byOrder = byColumn(moneyins, "orderId");
        assertThat(byOrder.keySet()).containsExactlyInAnyOrder(world.kept(), world.refunded());
        CSVRecord kept = byOrder.get(world.kept());
        assertThat(kept.get("amount")).isEqualTo("1100.00");
        assertThat(kept.get("currency")).isEqualTo("EUR");
        assertThat(kept.get("payerName")).isEqualTo(COMMA_AND_QUOTE);
        assertThat(kept.get("campaignId")).isEqualTo(world.campaign());
        assertThat(kept.get("portalId")).isEqualTo(flows.portal().portalId());
        assertThat(kept.get("status")).isEqualTo("RECEIVED");
        // the API's spelling of the channel, as the order's payment answers it
        assertThat(kept.get("channel"))
                .isEqualTo("MONEY_TRANSFER")
                .isEqualTo(flows.payments()
                        .payment(world.kept())
                        .get("moneyin")
                        .get("channel")
                        .asString());
        assertThat(kept.get("createdDatetime")).endsWith("Z");
        assertThat(kept.get("recalledDatetime")).isEmpty();
        assertThat(kept.get("moneyinId"))
                .isEqualTo(flows.payments()
                        .payment(world.kept())
                        .get("moneyin")
                        .get("moneyinId")
                        .asString());
        assertThat(byOrder.get(world.refunded()).get("amount")).isEqualTo("550.00");

        JsonNode refund = flows.payments().refund(world.refunded());
        Csv refunds = export(flows.portal(), "refunds", "");
        assertThat(refunds.header()).containsExactlyElementsOf(ExportKind.REFUNDS.columns());
        assertThat(rows(refunds)).singleElement().satisfies(r -> {
            assertThat(r.get("refundId")).isEqualTo(refund.get("refundId").asString());
            assertThat(r.get("orderId")).isEqualTo(world.refunded());
            assertThat(r.get("amount")).isEqualTo("550.00");
            assertThat(r.get("instructionId"))
                    .isEqualTo(refund.get("instructionId").asString());
            assertThat(r.get("status")).isEqualTo(refund.get("status").asString());
        });

        Csv transfers = export(flows.portal(), "unidentified-transfers", "");
        assertThat(transfers.header()).containsExactlyElementsOf(ExportKind.UNIDENTIFIED_TRANSFERS.columns());
        assertThat(rows(transfers)).singleElement().satisfies(r -> {
            assertThat(r.get("unidentifiedTransferId"))
                    .isEqualTo(world.transfer().get("unidentifiedTransferId").asString());
            // stored as 12.3, written with the euro's two minor digits
            assertThat(r.get("amount")).isEqualTo("12.30");
            assertThat(r.get("reason")).isEqualTo("MISSING_REFERENCE");
            assertThat(r.get("channel")).isEqualTo("MONEY_TRANSFER");
            assertThat(r.get("receivedDatetime")).endsWith("Z");
            // as the API shows the transfer: the seed's status and the detail of its return
            JsonNode shown = flows.payments().unidentified("").stream()
                    .filter(t -> t.get("unidentifiedTransferId").asString().equals(r.get("unidentifiedTransferId")))
                    .findFirst()
                    .orElseThrow();
            assertThat(r.get("status")).isEqualTo(shown.get("status").asString());
            assertThat(r.get("returnStatus"))
                    .isEqualTo(shown.get("returnStatus").asString());
        });

        Csv instructions = export(flows.portal(), "payment-instructions", "");
        assertThat(instructions.header()).containsExactlyElementsOf(ExportKind.PAYMENT_INSTRUCTIONS.columns());
        assertThat(byColumn(instructions, "instructionId"))
                .containsKey(refund.get("instructionId").asString());
        assertThat(rows(instructions)).allSatisfy(r -> assertThat(r.get("portalId"))
                .isEqualTo(flows.portal().portalId()));

        Csv moneyouts = export(flows.portal(), "moneyouts", "");
        assertThat(moneyouts.header()).containsExactlyElementsOf(ExportKind.MONEYOUTS.columns());
        assertThat(rows(moneyouts))
                .extracting(r -> r.get("orderId") + " " + r.get("type") + " " + r.get("status") + " " + r.get("amount"))
                .containsExactlyInAnyOrder(
                        world.kept() + " COMPANY AVAILABLE 1000.00",
                        world.kept() + " FEE AVAILABLE 100.00",
                        world.refunded() + " COMPANY REVERSED 500.00",
                        world.refunded() + " FEE REVERSED 50.00");

        // the other portal's rows are in none of them, and in its own
        for (String kind : List.of("moneyins", "moneyouts", "payment-instructions", "refunds")) {
            assertThat(rows(export(flows.portal(), kind, "")))
                    .as(kind)
                    .noneMatch(r ->
                            r.toMap().containsValue(otherOrder) || r.toMap().containsValue(otherCampaign));
        }
        assertThat(byColumn(export(other.portal(), "moneyins", ""), "orderId").keySet())
                .containsExactly(otherOrder);

        // operators see both portals, or one
        Map<String, CSVRecord> acrossPortals = byColumn(opsExport("moneyins", ""), "orderId");
        assertThat(acrossPortals).containsKeys(world.kept(), world.refunded(), otherOrder);
        assertThat(byColumn(opsExport("moneyins", "portalId=" + other.portal().portalId()), "orderId")
                        .keySet())
                .containsExactly(otherOrder);
        assertThat(byColumn(opsExport("moneyins", "campaignId=" + otherCampaign), "orderId")
                        .keySet())
                .containsExactly(otherOrder);
    }

    @Test
    void aCampaignFiltersTheRowsAndAnotherPortalsCampaignIsNotFound() throws IOException {
        World world = world();
        String secondCampaign = flows.openCampaign();
        String secondOrder = flows.order(secondCampaign, "1000", "0", Ibans.randomGerman());
        flows.pay(secondOrder, "1000", Ibans.randomGerman());
        CampaignFlows other = new CampaignFlows(api, kafka);
        String otherCampaign = other.openCampaign();

        assertThat(byColumn(export(flows.portal(), "moneyins", "campaignId=" + secondCampaign), "orderId")
                        .keySet())
                .containsExactly(secondOrder);
        assertThat(byColumn(export(flows.portal(), "moneyins", "campaignId=" + world.campaign()), "orderId")
                        .keySet())
                .containsExactlyInAnyOrder(world.kept(), world.refunded());
        assertThat(rows(export(flows.portal(), "moneyouts", "campaignId=" + secondCampaign)))
                .extracting(r -> r.get("orderId"))
                .containsOnly(secondOrder);

        assertThat(problemCode(flows.portal().get("/exports/moneyins.csv?campaignId=" + otherCampaign), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(flows.portal().get("/exports/refunds.csv?campaignId=COL2222222222222222"), 404))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aBadPeriodOrAnUnknownKindIsRefusedBeforeAnyByte() {
        TestPortal portal = flows.portal();

        JsonNode elevenYears = ApiClient.body(portal.get("/exports/moneyins.csv?from=2015-01-01&to=2026-01-01")
                .expectStatus()
                .isBadRequest());
        assertThat(elevenYears.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(elevenYears.get("detail").asString()).startsWith("to must be at most 10 years");
        JsonNode backwards = ApiClient.body(portal.get("/exports/refunds.csv?from=2026-12-02&to=2026-12-01")
                .expectStatus()
                .isBadRequest());
        assertThat(backwards.get("detail").asString()).startsWith("from must be before to");
        assertThat(problemCode(portal.get("/exports/moneyins.csv?from=yesterday"), 400))
                .isEqualTo("INVALID_PARAMETER");
        assertThat(problemCode(api.get(ApiClient.OPS_KEY, "/api/v1/ops/exports/moneyouts.csv?from=2000-01-01"), 400))
                .isEqualTo("INVALID_PARAMETER");
        assertThat(problemCode(portal.get("/exports/cashouts.csv"), 404)).isEqualTo("NOT_FOUND");
        assertThat(problemCode(portal.get("/stats?from=2015-01-01&to=2026-01-01"), 400))
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void answersAnAttachmentNamedAfterTheKindAndPeriodInUtf8Csv() {
        String body = ApiClient.text(api.web()
                .get()
                .uri("/api/v1/exports/moneyins.csv?from=2026-11-01&to=2026-12-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + flows.portal().apiKey())
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"moneyins-2026-11-01-2026-12-01.csv\""));

        assertThat(body).isEqualTo(String.join(",", ExportKind.MONEYINS.columns()) + "\r\n");
        // a refusal is still a problem document, whatever the client accepts
        api.web()
                .get()
                .uri("/api/v1/exports/moneyins.csv?from=2026-12-01&to=2026-11-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + flows.portal().apiKey())
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void statsByPeriodCountOnlyTheOrdersCreatedInIt() {
        String campaign = flows.openCampaign();
        String order = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(order, "1100", Ibans.randomGerman());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode allTime = flows.stats();
        JsonNode thisPeriod = ApiClient.body(
                flows.portal().get("/stats?from=" + today).expectStatus().isOk());
        JsonNode later = ApiClient.body(flows.portal()
                .get("/stats?from=" + today.plusDays(1) + "&to=" + today.plusDays(2))
                .expectStatus()
                .isOk());

        assertThat(allTime.get("countAccounted").asLong()).isEqualTo(1);
        assertThat(thisPeriod.get("countAccounted").asLong()).isEqualTo(1);
        assertThat(thisPeriod.get("sumAccounted").decimalValue()).isEqualByComparingTo("1000");
        assertThat(later.get("countAccounted").asLong()).isZero();
        assertThat(later.get("sumAccounted").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void streamsThousandsOfRowsInKeysetOrderAcrossPages() throws IOException, SQLException {
        int total = 4_321;
        String portalId = flows.portal().portalId();
        String prefix = "PIX" + Long.toString(System.nanoTime(), 36).toUpperCase();
        insertInstructions(prefix, portalId, total);
        try {
            // read as it streams: WebTestClient would refuse to aggregate more than 256 KB
            List<CSVRecord> rows = rows(parse(streamed(
                    "/api/v1/exports/payment-instructions.csv", flows.portal().apiKey())));

            // two rows share each instant: the id breaks the tie, so the order is exactly the series'
            assertThat(rows)
                    .extracting(r -> r.get("instructionId"))
                    .containsExactlyElementsOf(IntStream.range(0, total)
                            .mapToObj(g -> prefix + String.format("%06d", g))
                            .toList());
            assertThat(rows).allSatisfy(r -> assertThat(r.get("amount")).isEqualTo("1.50"));
            assertThat(rows(parse(streamed(
                            "/api/v1/ops/exports/payment-instructions.csv?portalId=" + portalId, ApiClient.OPS_KEY))))
                    .hasSize(total);
        } finally {
            deleteInstructions(prefix);
        }
    }

    // --- helpers

    /** A parsed export: its header and its records, each readable by column name. */
    private record Csv(List<String> header, List<CSVRecord> rows) {}

    private static Csv export(TestPortal portal, String kind, String query) throws IOException {
        return parse(ApiClient.text(
                portal.get("/exports/" + kind + ".csv?" + query).expectStatus().isOk()));
    }

    private Csv opsExport(String kind, String query) throws IOException {
        WebTestClient.ResponseSpec response =
                api.get(ApiClient.OPS_KEY, "/api/v1/ops/exports/" + kind + ".csv?" + query);
        return parse(ApiClient.text(response.expectStatus().isOk()));
    }

    /** The whole body of a large export, joined from its buffers without WebTestClient's aggregation limit. */
    private String streamed(String path, String key) {
        Flux<DataBuffer> body = api.web()
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(DataBuffer.class)
                .getResponseBody();
        return DataBufferUtils.join(body)
                .map(joined -> {
                    String text = joined.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(joined);
                    return text;
                })
                .block(Duration.ofSeconds(60));
    }

    private static Csv parse(String csv) throws IOException {
        assertThat(csv).endsWith("\r\n");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            List<CSVRecord> records = parser.getRecords();
            return new Csv(parser.getHeaderNames(), records);
        }
    }

    private static List<CSVRecord> rows(Csv csv) {
        return csv.rows();
    }

    private static Map<String, CSVRecord> byColumn(Csv csv, String column) {
        return csv.rows().stream().collect(Collectors.toMap(r -> r.get(column), r -> r));
    }

    private static Connection database() throws SQLException {
        Map<String, Object> db = TestInfrastructure.springProperties();
        return DriverManager.getConnection(
                db.get("spring.flyway.url").toString(),
                db.get("spring.flyway.user").toString(),
                db.get("spring.flyway.password").toString());
    }

    /** EXECUTED fee payouts of the portal, two per millisecond from today's midnight, ids in series order. */
    private static void insertInstructions(String prefix, String portalId, int total) throws SQLException {
        try (Connection connection = database();
                PreparedStatement insert = connection.prepareStatement(
                        """
                        INSERT INTO payment_instruction (instruction_id, type, channel, status, amount, currency,
                                                         creditor_name, portal_id, created_at, updated_at, executed_at)
                        SELECT ? || lpad(g::text, 6, '0'), 'FEE_PAYOUT', 'BANK_TRANSFER', 'EXECUTED', 1.5, 'EUR',
                               'Export stream', ?, date_trunc('day', now()) + (g / 2) * interval '1 millisecond',
                               now(), now()
                          FROM generate_series(0, ? - 1) AS g""")) {
            insert.setString(1, prefix);
            insert.setString(2, portalId);
            insert.setInt(3, total);
            insert.executeUpdate();
        }
    }

    private static void deleteInstructions(String prefix) throws SQLException {
        try (Connection connection = database();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM payment_instruction WHERE instruction_id LIKE ?")) {
            delete.setString(1, prefix + "%");
            delete.executeUpdate();
        }
    }
}
