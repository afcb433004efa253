package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFileApi;
import io.crowdrecon.recon.testing.CamtFiles;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpenApiContract;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.RawHttp;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No input answers 5xx (SPEC.md section 7): for every operation of the service's own OpenAPI document, hostile strings
 * go into every path parameter, every query parameter, every id field of its JSON body and the Idempotency-Key header,
 * one at a time, with the right key and real ids everywhere else. Every answer must be below 500, and every 4xx a
 * problem document with a {@code code}. Sent over plain sockets, so that the bytes arrive exactly as written.
 */
@ReconIntegrationTest
class HostileInputsIT {

    /** A bound on the requests per operation, so that the run stays short on two cores. */
    private static final int MAX_CASES_PER_OPERATION = 120;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "__HOSTILE__";

    /**
     * One hostile string in each of its three wire forms: in a URL (already percent-encoded as sent, or deliberately
     * not), in a header (raw bytes), in a JSON document (the literal, quotes included, as raw bytes).
     */
    record Hostile(String label, String url, byte[] header, byte[] json) {

        static Hostile of(String label, String value) {
            return new Hostile(label, percentEncoded(value), utf8(value), utf8(JSON.writeValueAsString(value)));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Hostile> HOSTILE = List.of(
            new Hostile("NUL", "%00", new byte[] {0}, utf8("\"\\u0000\"")),
            new Hostile("lone surrogate", "%ED%A0%80", bytes(0xED, 0xA0, 0x80), utf8("\"\\ud800\"")),
            Hostile.of("RTL mark", "abc\u202Edef"),
            Hostile.of("10,000 characters", "A".repeat(10_000)),
            Hostile.of("emoji", "\uD83D\uDE00\uD83D\uDCB8"),
            new Hostile("../", "../", utf8("../"), utf8("\"../\"")),
            Hostile.of("%", "%"),
            new Hostile("raw %", "%", utf8("%"), utf8("\"%zz\"")),
            Hostile.of("spaces", " a b "),
            Hostile.of("quotes", "'\"`"),
            Hostile.of("empty", ""),
            new Hostile("invalid UTF-8 FF", "%FF", bytes(0xFF), concat(utf8("\""), bytes(0xFF), utf8("\""))),
            new Hostile(
                    "overlong UTF-8 C0AF",
                    "%C0%AF",
                    bytes(0xC0, 0xAF),
                    concat(utf8("\""), bytes(0xC0, 0xAF), utf8("\""))));

    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    @BeforeAll
    static void connectTheBankFeed() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnectTheBankFeed() {
        kafka.close();
    }

    /** What exists, to fill every parameter that is not under attack. */
    record World(TestPortal portal, Map<String, String> ids, Map<String, String> bodies) {}

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        World world = world();
        RawHttp http = new RawHttp(port);
        JsonNode document =
                JSON.readTree(http.send(RawHttp.request("GET", "/v3/api-docs")).body());
        List<Operation> operations = operations(document);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(30);

        List<String> violations = new ArrayList<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        long started = System.nanoTime();
        // Attacks on parameters and bodies first: an Idempotency-Key that passes lets the request act.
        for (boolean onKey : new boolean[] {false, true}) {
            for (Operation operation : operations) {
                List<Case> cases = onKey ? keyCases(operation, world) : inputCases(operation, world, document);
                assertThat(cases.size()).as("cases of %s", operation).isLessThanOrEqualTo(MAX_CASES_PER_OPERATION);
                for (Case attack : cases) {
                    RawHttp.Response response = http.send(attack.request());
                    sent.merge(operation.toString(), 1, Integer::sum);
                    String violation = violation(operation, response);
                    if (violation != null) {
                        violations.add(attack.description() + " → " + violation);
                    }
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "HostileInputsIT: %d requests over %d operations in %d ms (%s)%n",
                total, operations.size(), millis, sent);

        assertThat(violations).as("answers to hostile input").isEmpty();
    }

    /** A 5xx, an error that is not a problem with a code, or an answer the document does not declare. */
    private static String violation(Operation operation, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error " + response;
        }
        if (response.status() >= 400 && (!response.isProblem() || response.code() == null)) {
            return "not a problem document with a code: " + response;
        }
        if (response.status() >= 400) {
            List<String> broken = OpenApiContract.committed()
                    .violations(
                            operation.path(),
                            operation.method(),
                            response.status(),
                            response.contentType(),
                            response.json());
            if (!broken.isEmpty()) {
                return "not as the document says: " + broken;
            }
        }
        return null;
    }

    // --- the operations of the document

    record Operation(
            String method, String path, List<String> pathParameters, List<String> queryParameters, JsonNode body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Case(String description, RawHttp.Request request) {}

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    JsonNode operation = entry.getValue();
                    List<String> pathParameters = new ArrayList<>();
                    List<String> queryParameters = new ArrayList<>();
                    operation.path("parameters").forEach(parameter -> {
                        String name = parameter.get("name").asString();
                        switch (parameter.get("in").asString()) {
                            case "path" -> pathParameters.add(name);
                            // caller: an internal type the document publishes by mistake, not a parameter of the API.
                            case "query" -> {
                                if (!name.equals("caller")) {
                                    queryParameters.add(name);
                                }
                            }
                            default -> {}
                        }
                    });
                    JsonNode schema = operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(),
                            path.getKey(),
                            pathParameters,
                            queryParameters,
                            schema.isMissingNode() ? null : schema));
                }));
        return operations;
    }

    private List<Case> inputCases(Operation operation, World world, JsonNode document) {
        List<Case> cases = new ArrayList<>();
        for (String parameter : operation.pathParameters()) {
            for (Hostile hostile : HOSTILE) {
                String target = target(operation, world, Map.of(parameter, hostile.url()));
                cases.add(new Case(
                        operation + " path " + parameter + "=" + hostile,
                        request(operation, world, target, body(operation, world, null, null))));
            }
        }
        for (String parameter : operation.queryParameters()) {
            for (Hostile hostile : HOSTILE) {
                String target = target(operation, world, Map.of()) + "?" + parameter + "=" + hostile.url();
                cases.add(new Case(
                        operation + " query " + parameter + "=" + hostile,
                        request(operation, world, target, body(operation, world, null, null))));
            }
        }
        if (operation.body() != null) {
            for (List<Object> field : idFields(operation, world, document)) {
                for (Hostile hostile : HOSTILE) {
                    cases.add(new Case(
                            operation + " body " + field + "=" + hostile,
                            request(
                                    operation,
                                    world,
                                    target(operation, world, Map.of()),
                                    body(operation, world, field, hostile))));
                }
            }
        }
        return cases;
    }

    private List<Case> keyCases(Operation operation, World world) {
        List<Case> cases = new ArrayList<>();
        for (Hostile hostile : HOSTILE) {
            RawHttp.Request request =
                    request(operation, world, target(operation, world, Map.of()), body(operation, world, null, null));
            cases.add(new Case(
                    operation + " header Idempotency-Key=" + hostile,
                    request.header("Idempotency-Key", hostile.header())));
        }
        return cases;
    }

    /** The path with real ids, except the attacked ones. */
    private static String target(Operation operation, World world, Map<String, String> attacked) {
        String target = operation.path();
        for (String parameter : operation.pathParameters()) {
            String value = attacked.containsKey(parameter)
                    ? attacked.get(parameter)
                    : world.ids().get(parameter);
            assertThat(value)
                    .as("a real value for {%s} of %s", parameter, operation)
                    .isNotNull();
            target = target.replace("{" + parameter + "}", value);
        }
        return target;
    }

    private RawHttp.Request request(Operation operation, World world, String target, byte[] body) {
        RawHttp.Request request = RawHttp.request(operation.method(), target);
        String path = operation.path();
        if (path.startsWith("/api/v1/ops/")) {
            request.bearer(ApiClient.OPS_KEY);
        } else if (path.equals("/api/v1/webhooks/card")) {
            request.header("X-Portal-Id", world.portal().portalId())
                    .header("X-Signature", "sha256=" + hmac(world.portal().webhookSecret(), body));
        } else if (path.startsWith("/api/v1/")) {
            request.bearer(world.portal().apiKey());
        }
        return body == null ? request : request.json(body);
    }

    // --- bodies

    /**
     * The operation's sample body, with {@code field} (a path of names and indexes) replaced by the hostile literal;
     * null when the operation takes no body.
     */
    private static byte[] body(Operation operation, World world, List<Object> field, Hostile hostile) {
        String sample = world.bodies().get(operation.toString());
        if (operation.body() == null && sample == null) {
            return null;
        }
        assertThat(sample).as("a sample body for %s", operation).isNotNull();
        if (field == null) {
            return utf8(sample);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(sample);
        ObjectNode parent = root;
        for (int i = 0; i < field.size() - 1; i++) {
            String name = (String) field.get(i);
            if (field.get(i + 1) instanceof Integer) {
                ArrayNode array = parent.putArray(name);
                array.add(PLACEHOLDER);
                parent = null;
                break;
            }
            parent = parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
        }
        if (parent != null) {
            parent.put((String) field.get(field.size() - 1), PLACEHOLDER);
        }
        String text = JSON.writeValueAsString(root);
        int at = text.indexOf("\"" + PLACEHOLDER + "\"");
        return concat(utf8(text.substring(0, at)), hostile.json(), utf8(text.substring(at + PLACEHOLDER.length() + 2)));
    }

    /**
     * The id fields of the operation's body, from its schema and its sample: a field whose name is an id's (as listed
     * by {@link IdPrefix}), in the body or one object down, or an array of such ids.
     */
    private static List<List<Object>> idFields(Operation operation, World world, JsonNode document) {
        List<List<Object>> fields = new ArrayList<>();
        collectIdFields(resolve(document, operation.body()), document, List.of(), fields, 0);
        String sample = world.bodies().get(operation.toString());
        if (sample != null) {
            JSON.readTree(sample).properties().forEach(property -> {
                List<Object> field = List.of(property.getKey());
                if (IdPrefix.named(property.getKey()).isPresent() && !fields.contains(field)) {
                    fields.add(field);
                }
            });
        }
        return fields;
    }

    private static void collectIdFields(
            JsonNode schema, JsonNode document, List<Object> at, List<List<Object>> fields, int depth) {
        if (depth > 2) {
            return;
        }
        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            JsonNode type = resolve(document, property.getValue());
            List<Object> field = new ArrayList<>(at);
            field.add(name);
            if (IdPrefix.named(name).isPresent()) {
                if ("array".equals(type.path("type").asString(""))) {
                    field.add(0);
                }
                fields.add(field);
            } else if (type.has("properties")) {
                collectIdFields(type, document, field, fields, depth + 1);
            }
        });
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        JsonNode resolved = document;
        for (String part : ref.substring(2).split("/")) {
            resolved = resolved.path(part);
        }
        return resolved;
    }

    // --- the world the attacks run in

    private World world() {
        ApiClient api = new ApiClient(web);
        PaymentFlows flows = new PaymentFlows(api, kafka);
        TestPortal portal = flows.portal();
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        String paid = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        String open = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        flows.pay(paid, Ibans.randomGerman());
        portal.put("/orders/" + paid + "/cancelled").expectStatus().isOk();
        String refundInstruction = flows.refund(paid).get("instructionId").asString();
        String description = "Hostile inputs " + UUID.randomUUID();
        flows.publish(Credits.to(portal.collectionIban())
                .amount("12.34")
                .description(description)
                .without("payerIban"));
        String transfer = flows.awaitUnidentifiedDescribedAs(description)
                .get("unidentifiedTransferId")
                .asString();
        String reviewItem = flows.awaitReview("RETURN_IMPOSSIBLE", transfer)
                .get("reviewItemId")
                .asString();
        String bankFile = CamtFiles.of(portal.collectionIban())
                .day(java.time.LocalDate.of(2026, 11, 2))
                .credit(
                        "HOSTILE-" + UUID.randomUUID(),
                        "12.34",
                        java.time.LocalDate.of(2026, 11, 2),
                        Ibans.randomGerman(),
                        "Hostile inputs, no reference")
                .camt054();
        BankFileApi files = new BankFileApi(api);
        String bankFileId = files.post(bankFile).get("bankFileId").asString();
        JsonNode statement = files.onlyStatementOf(bankFileId);

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("portalId", portal.portalId());
        ids.put("companyId", portal.companyId());
        ids.put("campaignId", campaign);
        ids.put("investorId", investor);
        ids.put("orderId", paid);
        ids.put("instructionId", refundInstruction);
        ids.put("unidentifiedTransferId", transfer);
        ids.put("reviewItemId", reviewItem);
        ids.put("bankFileId", bankFileId);
        ids.put("bankStatementId", statement.get("bankStatementId").asString());
        ids.put(
                "notificationId",
                files.entriesOf(statement.get("bankStatementId").asString())
                        .get(0)
                        .get("notificationId")
                        .asString());
        ids.put(
                "operatorId",
                ApiClient.body(api.post(
                                        ApiClient.OPS_KEY,
                                        "/api/v1/ops/operators",
                                        Map.of("name", "Hostile " + UUID.randomUUID(), "role", "VIEWER"))
                                .expectStatus()
                                .isCreated())
                        .get("operatorId")
                        .asString());
        ids.put(
                "holdId",
                ApiClient.body(api.post(
                                        ApiClient.OPS_KEY,
                                        "/api/v1/ops/holds",
                                        Map.of("orderId", open, "reason", "Hostile inputs"))
                                .expectStatus()
                                .isCreated())
                        .get("holdId")
                        .asString());
        // A well-formed id of no cashout: the campaign has none, and the attacks are on the other parameter.
        ids.put("cashoutId", "CO" + "23456789ABCDEFGH");
        // The same for a payment file: payment files are off in this context, so none can be built.
        ids.put("paymentFileId", "PFL" + "2222222222222222");
        // Not an id: the export an export operation names (GET /exports/{kind}.csv).
        ids.put("kind", "moneyins");
        Map<String, Object> webhookEndpoint = Map.of(
                "url", "http://127.0.0.1:9/hostile", "eventTypes", List.of("crowdrecon.order.status-changed.v1"));
        String endpointId = ApiClient.body(portal.post("/webhook-endpoints", webhookEndpoint)
                        .expectStatus()
                        .isCreated())
                .get("webhookEndpointId")
                .asString();
        ids.put("webhookEndpointId", endpointId);
        ids.put("deliveryId", webhookDelivery(portal, endpointId));

        Function<Object, String> json = JSON::writeValueAsString;
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(
                "PUT /api/v1/ops/unidentified-transfers/{unidentifiedTransferId}/return-iban",
                json.apply(Map.of("iban", Ibans.randomGerman())));
        bodies.put("PUT /api/v1/ops/review-items/{reviewItemId}/resolved", json.apply(Map.of("note", "checked")));
        bodies.put("PUT /api/v1/ops/instructions/{instructionId}/reissued", "{}");
        bodies.put("PUT /api/v1/ops/instructions/{instructionId}/approved", json.apply(Map.of("note", "approved")));
        bodies.put("PUT /api/v1/ops/instructions/{instructionId}/rejected", json.apply(Map.of("note", "rejected")));
        bodies.put("POST /api/v1/ops/bank-files", bankFile);
        bodies.put(
                "POST /api/v1/ops/operators",
                json.apply(Map.of("name", "Hostile " + UUID.randomUUID(), "role", "OPERATOR")));
        bodies.put("PUT /api/v1/ops/operators/{operatorId}/disabled", json.apply(Map.of("note", "hostile")));
        bodies.put(
                "PUT /api/v1/ops/portals/{portalId}/payment-file-version",
                json.apply(Map.of("version", "pain.001.001.09")));
        bodies.put(
                "PUT /api/v1/ops/portals/{portalId}/settings",
                json.apply(
                        Map.of("reflectionPeriod", "PT0S", "clearingBusinessDays", 0, "cardClearingPeriod", "PT0S")));
        bodies.put("POST /api/v1/ops/holds", json.apply(Map.of("orderId", open, "reason", "Hostile inputs")));
        bodies.put("POST /api/v1/holds", json.apply(Map.of("orderId", open, "reason", "Hostile inputs")));
        bodies.put("PUT /api/v1/ops/holds/{holdId}/released", json.apply(Map.of("note", "hostile")));
        bodies.put("PUT /api/v1/ops/holds/{holdId}/refused", json.apply(Map.of("note", "hostile")));
        bodies.put("POST /api/v1/webhook-endpoints", json.apply(webhookEndpoint));
        bodies.put("PUT /api/v1/webhook-endpoints/{webhookEndpointId}", json.apply(webhookEndpoint));
        bodies.put("PUT /api/v1/investors/{investorId}", json.apply(investorBody()));
        bodies.put("POST /api/v1/investors", json.apply(investorBody()));
        bodies.put("PUT /api/v1/campaigns/{campaignId}", json.apply(portal.campaignBody()));
        bodies.put("POST /api/v1/campaigns", json.apply(portal.campaignBody()));
        bodies.put(
                "PUT /api/v1/campaigns/{campaignId}/finalized-success",
                json.apply(Map.of("ordersToExecute", List.of(paid), "ordersToUndo", List.of())));
        bodies.put("POST /ops/session", json.apply(Map.of("key", "not-the-ops-key")));
        bodies.put("POST /api/v1/webhooks/card", json.apply(cardNotification(open)));
        bodies.put("POST /api/v1/sandbox/executions/{instructionId}", json.apply(Map.of("status", "EXECUTED")));
        bodies.put(
                "POST /api/v1/sandbox/card-notifications",
                json.apply(Map.of("eventCode", "AUTHORISATION", "orderId", open, "amount", 1100)));
        bodies.put(
                "POST /api/v1/sandbox/bank-transfers",
                json.apply(Map.of("amount", 1, "description", "Hostile inputs, no reference")));
        bodies.put("POST /api/v1/orders", json.apply(portal.orderBody(campaign, investor, Ibans.randomGerman())));
        bodies.put(
                "POST /api/v1/ops/portals",
                json.apply(Map.of(
                        "name", "Hostile " + UUID.randomUUID(),
                        "collectionIban", Ibans.randomGerman(),
                        "feeAccountIban", Ibans.randomGerman())));
        bodies.put(
                "POST /api/v1/ops/companies",
                json.apply(Map.of(
                        "portalId",
                        portal.portalId(),
                        "name",
                        "Company",
                        "fiscalCode",
                        "12345678903",
                        "iban",
                        Ibans.randomGerman())));
        return new World(portal, ids, bodies);
    }

    /** A FAILED delivery of the endpoint, as the delivery engine would write it (no API makes one). */
    private String webhookDelivery(TestPortal portal, String endpointId) {
        String deliveryId = io.crowdrecon.recon.shared.IdGenerator.threadLocal()
                .nextWebhookDeliveryId()
                .value();
        database.sql(
                        """
                        INSERT INTO webhook_delivery (delivery_id, endpoint_id, portal_id, event_seq, event_id,
                               event_type, ordering_key, status, attempt_count, created_at, ended_at)
                        VALUES (:id, :endpoint, :portal, 1, gen_random_uuid(),
                               'crowdrecon.order.status-changed.v1', 'HOSTILE', 'FAILED', 1, now(), now())""")
                .bind("id", deliveryId)
                .bind("endpoint", endpointId)
                .bind("portal", portal.portalId())
                .then()
                .block();
        return deliveryId;
    }

    private static Map<String, Object> investorBody() {
        return Map.of(
                "name", "Mario",
                "surname", "Rossi",
                "fiscalCode", "RSSMRA81L04A859G",
                "type", "NATURAL_PERSON",
                "email", "mario.rossi@example.org");
    }

    private static Map<String, Object> cardNotification(String orderId) {
        return Map.of(
                "notificationId",
                "HOSTILE-" + UUID.randomUUID(),
                "eventCode",
                "AUTHORISATION",
                "success",
                true,
                "orderId",
                orderId,
                "amount",
                1100,
                "currency",
                "EUR",
                "pspReference",
                "PSP-HOSTILE",
                "eventDatetime",
                "2026-11-22T10:00:00Z");
    }

    // --- bytes

    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : utf8(value)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
