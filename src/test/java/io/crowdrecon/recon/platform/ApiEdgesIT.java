package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.RawHttp;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as clients see it, at its edges (SPEC.md section 7): HEAD answers as GET does, every refusal is a problem
 * document with a stable code (also the ones Reactor Netty makes itself), bodies up to exactly 1 MB are read, and ids,
 * text and headers are checked before any query. Over plain sockets where a well-behaved client would refuse to send
 * the request.
 */
@ReconIntegrationTest
class ApiEdgesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ONE_MB = 1024 * 1024;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    RawHttp http;
    TestPortal portal;
    String campaign;
    String investor;
    String order;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        portal = new ApiClient(web).newPortal();
        campaign = portal.openCampaign();
        investor = portal.investor();
        order = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
    }

    // --- HEAD

    @Test
    void headAnswersExactlyAsGetDoesWithoutABody() {
        Map<String, String> portalPaths = Map.of(
                "/api/v1/orders/" + order,
                "200",
                "/api/v1/orders/" + order + "/payment/moneyouts",
                "200",
                "/api/v1/campaigns",
                "200",
                "/api/v1/campaigns/" + campaign + "/orders",
                "200",
                "/api/v1/investors/" + investor,
                "200",
                "/api/v1/stats",
                "200",
                "/api/v1/orders/TRX1234567890123428",
                "404",
                "/api/v1/orders/not-an-order",
                "404",
                "/api/v1/ops/stats",
                "403");
        Map<String, String> opsPaths = Map.of(
                "/api/v1/ops/stats",
                "200",
                "/api/v1/ops/portals/" + portal.portalId(),
                "200",
                "/api/v1/ops/companies/" + portal.companyId(),
                "200",
                "/api/v1/ops/review-items?kind=PAYER_MISMATCH",
                "200",
                "/api/v1/ops/portals/PRT23456789ABCDEFGH",
                "404",
                "/api/v1/stats",
                "403");
        Map<String, String> keylessPaths =
                Map.of("/actuator/health", "200", "/ops", "200", "/api/v1/orders/" + order, "401");

        List<String> differences = new ArrayList<>();
        portalPaths.forEach((path, status) -> differences.addAll(headAgainstGet(path, portal.apiKey(), status)));
        opsPaths.forEach((path, status) -> differences.addAll(headAgainstGet(path, ApiClient.OPS_KEY, status)));
        keylessPaths.forEach((path, status) -> differences.addAll(headAgainstGet(path, null, status)));

        assertThat(differences).isEmpty();
    }

    @Test
    void headOnAnEventStreamAnswersItsHeadersAndEnds() {
        RawHttp.Response head =
                http.send(RawHttp.request("HEAD", "/api/v1/orders/events").bearer(portal.apiKey()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/event-stream");
        assertThat(head.body()).isEmpty();
    }

    private List<String> headAgainstGet(String path, String key, String status) {
        RawHttp.Response get = http.send(withKey(RawHttp.request("GET", path), key));
        RawHttp.Response head = http.send(withKey(RawHttp.request("HEAD", path), key));
        List<String> differences = new ArrayList<>();
        if (!String.valueOf(get.status()).equals(status) || get.body().length == 0) {
            differences.add("GET " + path + " answered " + get);
        }
        if (head.status() != get.status() || !head.headers().equals(get.headers())) {
            differences.add("HEAD " + path + " answered " + head.status() + " " + head.headers() + ", GET "
                    + get.status() + " " + get.headers());
        }
        if (head.body().length > 0) {
            differences.add("HEAD " + path + " sent a body");
        }
        return differences;
    }

    private static RawHttp.Request withKey(RawHttp.Request request, String key) {
        return key == null ? request : request.bearer(key);
    }

    // --- what Reactor Netty refuses itself

    @Test
    void aRequestLineOverTheLimitIsAProblemDocument() {
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/orders/" + "9".repeat(5_000)).bearer(portal.apiKey()),
                414,
                "URI_TOO_LONG");
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/campaigns?page=" + "1".repeat(10_000))
                        .bearer(portal.apiKey()),
                414,
                "URI_TOO_LONG");
    }

    @Test
    void headersOverTheLimitAreAProblemDocument() {
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/campaigns").bearer("k".repeat(64 * 1024)), 431, "HEADERS_TOO_LARGE");
        assertRefusedByTheServer(
                RawHttp.request("POST", "/api/v1/investors")
                        .bearer(portal.apiKey())
                        .header("Idempotency-Key", "k".repeat(10 * 1024))
                        .json(JSON.writeValueAsString(investorBody("Mario"))),
                431,
                "HEADERS_TOO_LARGE");
    }

    @Test
    void aRequestThatIsNotValidHttpIsAProblemDocument() {
        // A NUL in a header value, and a request target that is no URI: a bare %.
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/campaigns")
                        .bearer(portal.apiKey())
                        .header("Last-Event-ID", new byte[] {'4', 0, '2'}),
                400,
                "MALFORMED_REQUEST");
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/orders/100%").bearer(portal.apiKey()), 400, "MALFORMED_REQUEST");
        assertRefusedByTheServer(
                RawHttp.request("GET", "/api/v1/unidentified-transfers?status=%zz")
                        .bearer(portal.apiKey()),
                400,
                "MALFORMED_REQUEST");
    }

    private void assertRefusedByTheServer(RawHttp.Request request, int status, String code) {
        RawHttp.Response response = http.send(request);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        assertThat(Integer.parseInt(response.header("content-length"))).isEqualTo(response.body().length);
    }

    // --- Accept, methods

    @Test
    void anAcceptHeaderThatAllowsNoJsonIsNotAcceptableAndChangesNothing() {
        RawHttp.Response get = http.send(RawHttp.request("GET", "/api/v1/orders/" + order)
                .bearer(portal.apiKey())
                .header("Accept", "application/xml"));
        long investorsBefore = investorsOfThePortal();
        RawHttp.Response post = http.send(RawHttp.request("POST", "/api/v1/investors")
                .bearer(portal.apiKey())
                .header("Accept", "application/xml")
                .json(JSON.writeValueAsString(investorBody("Mario"))));

        for (RawHttp.Response response : List.of(get, post)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(406);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.code()).isEqualTo("NOT_ACCEPTABLE");
        }
        assertThat(investorsOfThePortal()).isEqualTo(investorsBefore);
    }

    @Test
    void jsonProblemJsonAnyOrNoAcceptHeaderAreAnsweredAndErrorsAreProblemsWhateverTheyAccept() {
        for (String accept : Arrays.asList(
                "application/json", "application/problem+json", "*/*", "application/*", "text/html, */*;q=0.1", null)) {
            RawHttp.Request request =
                    RawHttp.request("GET", "/api/v1/orders/" + order).bearer(portal.apiKey());
            RawHttp.Response found = http.send(accept == null ? request : request.header("Accept", accept));
            RawHttp.Request unknown =
                    RawHttp.request("GET", "/api/v1/orders/TRX1234567890123428").bearer(portal.apiKey());
            RawHttp.Response missing = http.send(accept == null ? unknown : unknown.header("Accept", accept));

            assertThat(found.status()).as("Accept %s", accept).isEqualTo(200);
            assertThat(found.contentType()).startsWith("application/json");
            assertThat(missing.status()).as("Accept %s", accept).isEqualTo(404);
            assertThat(missing.contentType()).isEqualTo("application/problem+json");
            assertThat(missing.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aMethodTheResourceDoesNotHaveIsAProblemWithACleanDetailAndAnAllowHeader() {
        RawHttp.Response response =
                http.send(RawHttp.request("DELETE", "/api/v1/orders/" + order).bearer(portal.apiKey()));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("DELETE is not allowed here; this resource allows GET, HEAD");
        assertThat(response.header("allow")).isEqualTo("GET,HEAD");
    }

    @Test
    void aBodyThatIsNotJsonIsStillUnsupportedMediaType() {
        RawHttp.Response response = http.send(RawHttp.request("POST", "/api/v1/investors")
                .bearer(portal.apiKey())
                .body("application/xml", "<investor/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    // --- body size

    @Test
    void aBodyOfExactlyOneMegabyteIsReadAndOneByteMoreIsTooLargeWithOrWithoutItsLength() {
        for (boolean chunked : new boolean[] {false, true}) {
            RawHttp.Response atTheLimit = postInvestorOfSize(ONE_MB, chunked);
            RawHttp.Response over = postInvestorOfSize(ONE_MB + 1, chunked);
            RawHttp.Response threeHundredKb = postInvestorOfSize(300 * 1024, chunked);

            assertThat(atTheLimit.status())
                    .as("1,048,576 bytes, chunked %s: %s", chunked, atTheLimit)
                    .isEqualTo(201);
            assertThat(threeHundredKb.status())
                    .as("300 KB, chunked %s", chunked)
                    .isEqualTo(201);
            assertThat(over.status())
                    .as("1,048,577 bytes, chunked %s: %s", chunked, over)
                    .isEqualTo(413);
            assertThat(over.code()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(over.json().get("detail").asString()).contains("1 MB");
        }
    }

    /** A valid investor, padded with spaces after the JSON to exactly {@code size} bytes. */
    private RawHttp.Response postInvestorOfSize(int size, boolean chunked) {
        byte[] json = JSON.writeValueAsBytes(investorBody("Mario"));
        byte[] body = Arrays.copyOf(json, size);
        Arrays.fill(body, json.length, size, (byte) ' ');
        RawHttp.Request request = RawHttp.request("POST", "/api/v1/investors")
                .bearer(portal.apiKey())
                .json(body);
        return http.send(chunked ? request.chunked() : request);
    }

    // --- ids, text and headers, before any query

    @Test
    void aPathIdOfTheWrongShapeIsNotFoundAsAnUnknownOneIs() {
        List<String> portalPaths = List.of(
                "/api/v1/orders/%00",
                "/api/v1/orders/TRX1234567890123429", // wrong check digits
                "/api/v1/orders/%00/payment",
                "/api/v1/orders/%ED%A0%80",
                "/api/v1/orders/%FF",
                "/api/v1/orders/%C0%AF",
                "/api/v1/campaigns/COL%00/orders",
                "/api/v1/campaigns/" + campaign + "/cashouts/CO%00",
                "/api/v1/investors/INV..%2F",
                "/api/v1/orders/TRX1234567890123428"); // well-formed, unknown
        List<String> opsPaths = List.of(
                "/api/v1/ops/portals/%00",
                "/api/v1/ops/companies/USR0000000000000000", "/api/v1/ops/instructions/PI%E2%80%AE");

        portalPaths.forEach(
                path -> assertNotFound(http.send(RawHttp.request("GET", path).bearer(portal.apiKey()))));
        opsPaths.forEach(
                path -> assertNotFound(http.send(RawHttp.request("GET", path).bearer(ApiClient.OPS_KEY))));
        assertNotFound(
                http.send(RawHttp.request("PUT", "/api/v1/orders/%00/cancelled").bearer(portal.apiKey())));
    }

    private static void assertNotFound(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aQueryIdOfTheWrongShapeOrTextThatIsNoTextIsAnInvalidParameterNamingIt() {
        Map<String, String> portalQueries = Map.of(
                "/api/v1/unidentified-transfers?candidateOrderId=%00", "candidateOrderId",
                "/api/v1/unidentified-transfers?candidateOrderId=TRX1234567890123429", "candidateOrderId",
                "/api/v1/unidentified-transfers?status=%FF", "status",
                "/api/v1/unidentified-transfers?reason=%ED%A0%80", "reason",
                "/api/v1/orders/events?campaignId=COL%00", "campaignId",
                "/api/v1/orders/events?orderId=..%2F", "orderId");
        Map<String, String> opsQueries = Map.of(
                "/api/v1/ops/review-items?orderId=%00", "orderId",
                "/api/v1/ops/unidentified-transfers?candidateOrderId=x", "candidateOrderId");

        portalQueries.forEach((target, parameter) ->
                assertInvalidParameter(http.send(RawHttp.request("GET", target).bearer(portal.apiKey())), parameter));
        opsQueries.forEach((target, parameter) ->
                assertInvalidParameter(http.send(RawHttp.request("GET", target).bearer(ApiClient.OPS_KEY)), parameter));
    }

    @Test
    void aDateOrDateTimeFilterThatIsNoneIsAnInvalidParameterNamingItOnEveryList() {
        Map<String, String> portalQueries = Map.of(
                "/api/v1/unidentified-transfers?from=2026-12-06", "from",
                "/api/v1/unidentified-transfers?to=yesterday", "to");
        Map<String, String> opsQueries = Map.of(
                "/api/v1/ops/unidentified-transfers?from=2026-12-06T10:15:30", "from",
                "/api/v1/ops/log?from=yesterday", "from",
                "/api/v1/ops/log?to=2026-12-06", "to",
                "/api/v1/ops/bank-statements?from=06/12/2026", "from",
                "/api/v1/ops/bank-statements?to=2026-02-30", "to");

        portalQueries.forEach((target, parameter) ->
                assertInvalidParameter(http.send(RawHttp.request("GET", target).bearer(portal.apiKey())), parameter));
        opsQueries.forEach((target, parameter) ->
                assertInvalidParameter(http.send(RawHttp.request("GET", target).bearer(ApiClient.OPS_KEY)), parameter));
    }

    private static void assertInvalidParameter(RawHttp.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(response.json().get("detail").asString()).contains(parameter);
    }

    @Test
    void aBodyIdOfTheWrongShapeIsAValidationErrorOnItsField() {
        Map<String, Object> order = portal.orderBody(campaign, investor, Ibans.randomGerman());
        order.put("companyId", "USR\u0000");
        assertFieldRefused(portal.apiKey(), "POST", "/api/v1/orders", JSON.writeValueAsString(order), "companyId");
        order = portal.orderBody(campaign, "INV23456789ABCDEF", Ibans.randomGerman());
        assertFieldRefused(portal.apiKey(), "POST", "/api/v1/orders", JSON.writeValueAsString(order), "investorId");
        assertFieldRefused(
                portal.apiKey(),
                "POST",
                "/api/v1/sandbox/card-notifications",
                "{\"eventCode\":\"CAPTURE\",\"orderId\":\"TRX\\u0000\",\"amount\":1100}",
                "orderId");
        assertFieldRefused(
                portal.apiKey(),
                "PUT",
                "/api/v1/campaigns/" + campaign + "/finalized-success",
                "{\"ordersToExecute\":[\"" + this.order + "\",\"../\"],\"ordersToUndo\":[]}",
                "ordersToExecute[1]");
        assertFieldRefused(
                portal.apiKey(),
                "PUT",
                "/api/v1/campaigns/" + campaign + "/finalized-success",
                "{\"ordersToExecute\":[],\"orderToSplit\":{\"orderId\":\"\\ud800\"}}",
                "orderToSplit.orderId");
        assertFieldRefused(
                ApiClient.OPS_KEY,
                "POST",
                "/api/v1/ops/companies",
                JSON.writeValueAsString(Map.of(
                        "portalId",
                        "PRT0000000000000000",
                        "name",
                        "A",
                        "fiscalCode",
                        "B",
                        "iban",
                        Ibans.randomGerman())),
                "portalId");
    }

    @Test
    void textWithANulOrAnUnpairedSurrogateAnywhereInABodyIsAValidationErrorOnItsField() {
        assertFieldRefused(
                portal.apiKey(),
                "POST",
                "/api/v1/investors",
                "{\"name\":\"Ma\\u0000rio\",\"surname\":\"Rossi\",\"type\":\"NATURAL_PERSON\"}",
                "name");
        Map<String, Object> campaignBody = portal.campaignBody();
        campaignBody.put("description", "PLACEHOLDER");
        assertFieldRefused(
                portal.apiKey(),
                "PUT",
                "/api/v1/campaigns/" + campaign,
                JSON.writeValueAsString(campaignBody).replace("PLACEHOLDER", "lone \\ud800 half"),
                "description");
        Map<String, Object> orderBody = portal.orderBody(campaign, investor, Ibans.randomGerman());
        orderBody.put("investorAccount", Map.of("iban", Ibans.randomGerman(), "holderName", "PLACEHOLDER"));
        assertFieldRefused(
                portal.apiKey(),
                "POST",
                "/api/v1/orders",
                JSON.writeValueAsString(orderBody).replace("PLACEHOLDER", "\\udc00"),
                "investorAccount.holderName");
    }

    private void assertFieldRefused(String key, String method, String path, String body, String field) {
        RawHttp.Response response =
                http.send(RawHttp.request(method, path).bearer(key).json(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void anIdempotencyKeyThatIsNoVisibleAsciiTextIsAnInvalidParameterOnEveryRequestAndNothingIsDone() {
        long before = investorsOfThePortal();
        for (byte[] key : List.of(
                "k".repeat(256).getBytes(StandardCharsets.US_ASCII),
                "clé".getBytes(StandardCharsets.UTF_8),
                new byte[] {'a', ' ', 'b'},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            // A POST that keeps its answers, and a request that has no use for the key: both refuse it.
            RawHttp.Response post = http.send(RawHttp.request("POST", "/api/v1/investors")
                    .bearer(portal.apiKey())
                    .header("Idempotency-Key", key)
                    .json(JSON.writeValueAsString(investorBody("Mario"))));
            RawHttp.Response put = http.send(RawHttp.request("PUT", "/api/v1/orders/" + order + "/waiting")
                    .bearer(portal.apiKey())
                    .header("Idempotency-Key", key));

            for (RawHttp.Response response : List.of(post, put)) {
                assertThat(response.status()).as(response.toString()).isEqualTo(400);
                assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
                assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
            }
        }
        assertThat(investorsOfThePortal()).isEqualTo(before);
        assertThat(ApiClient.body(portal.get("/orders/" + order).expectStatus().isOk())
                        .get("status")
                        .asString())
                .isEqualTo("CREATED");
    }

    @Test
    void aLastEventIdThatIsNoEventIdIsAnInvalidParameter() {
        RawHttp.Response response = http.send(RawHttp.request("GET", "/api/v1/orders/events")
                .bearer(portal.apiKey())
                .header("Last-Event-ID", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aCardWebhookFromAPortalIdOfTheWrongShapeIsUnauthorized() {
        for (byte[] portalId : List.of(
                new byte[] {'P', 'R', 'T', (byte) 0xFF},
                "PRT0000000000000000".getBytes(StandardCharsets.US_ASCII),
                "x".repeat(64).getBytes(StandardCharsets.US_ASCII))) {
            RawHttp.Response response = http.send(RawHttp.request("POST", "/api/v1/webhooks/card")
                    .header("X-Portal-Id", portalId)
                    .header("X-Signature", "sha256=00")
                    .json("{}"));

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        }
    }

    private long investorsOfThePortal() {
        return database.sql("SELECT count(*) FROM investor WHERE portal_id = :portal")
                .bind("portal", portal.portalId())
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static Map<String, Object> investorBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("surname", "Rossi");
        body.put("fiscalCode", "RSSMRA81L04A859G");
        body.put("type", "NATURAL_PERSON");
        body.put("email", "mario.rossi@example.org");
        return body;
    }
}
