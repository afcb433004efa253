package io.crowdrecon.recon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker the integration tests run every answer through finds what breaks the document. */
class OpenApiContractTests {

    private static final String ORDER_PATH = "/api/v1/orders/{orderId}";
    private static final String ORDER =
            """
            {"orderId":"TRX1234567890123428","investorId":"INV7Q2M9K4P8X3W6N5R","companyId":"USR7Q2M9K4P8X3W6N5R",
             "campaignId":"COL7Q2M9K4P8X3W6N5R","investorAccount":null,"totalAmount":1100.00,"orderAmount":1000.00,
             "feeAmount":100.00,"currency":"EUR","channel":"CREDIT_CARD","description":null,"portalOrderCode":null,
             "portalOrderDatetime":null,"portalInvestorCode":null,"portalCompanyCode":null,"portalCampaignCode":null,
             "status":"WAITING","paymentReference":"RF52TRX1234567890123428",
             "paymentInstructions":{"iban":"DE89370400440532013000","creditor":"Crowd One",
               "description":"TRX1234567890123428","amount":1100.00,"currency":"EUR"},
             "paymentWindowEndsDatetime":"2026-12-16T10:00:00Z","createdDatetime":"2026-12-06T10:00:00Z",
             "updatedDatetime":"2026-12-06T10:00:00Z",
             "statusHistory":[{"status":"CREATED","previousStatus":null,"reason":"ORDER_CREATED","at":"2026-12-06T10:00:00Z"}],
             "riskWarningAcknowledged":false,"reflectionPeriodEndsAt":"2026-12-10T10:00:00Z"}
            """;

    private final OpenApiContract contract = OpenApiContract.committed();

    @Test
    void findsTheTemplateOfAPathPreferringLiteralSegments() {
        assertThat(contract.templateOf("/api/v1/orders/TRX1234567890123428")).hasValue(ORDER_PATH);
        assertThat(contract.templateOf("/api/v1/orders/events")).hasValue("/api/v1/orders/events");
        assertThat(contract.templateOf("/api/v1/nowhere")).isEmpty();
    }

    @Test
    void acceptsAnAnswerThatKeepsTheContract() {
        assertThat(contract.violations(ORDER_PATH, "GET", 200, "application/json", json(ORDER)))
                .isEmpty();
    }

    @Test
    void refusesAStatusValueTheDocumentDoesNotList() {
        assertThat(contract.violations(
                        ORDER_PATH, "GET", 200, "application/json", json(ORDER.replace("\"WAITING\"", "\"PAID\""))))
                .isNotEmpty();
    }

    @Test
    void refusesNullInARequiredProperty() {
        assertThat(contract.violations(
                        ORDER_PATH,
                        "GET",
                        200,
                        "application/json",
                        json(ORDER.replace("\"currency\":\"EUR\",\"channel\"", "\"currency\":null,\"channel\""))))
                .isNotEmpty();
    }

    @Test
    void refusesAStatusTheOperationDoesNotDeclare() {
        assertThat(contract.violations(ORDER_PATH, "GET", 500, "application/problem+json", json("{}")))
                .singleElement()
                .asString()
                .contains("does not declare");
    }

    @Test
    void refusesAProblemWithoutItsCode() {
        String problem =
                """
                {"type":"urn:crowdrecon:problem:not-found","title":"No such resource","status":404,
                 "detail":"No order TRX1234567890123428","instance":"/api/v1/orders/TRX1234567890123428"}
                """;
        assertThat(contract.violations(ORDER_PATH, "GET", 404, "application/problem+json", json(problem)))
                .isNotEmpty();
        assertThat(contract.violations(
                        ORDER_PATH,
                        "GET",
                        404,
                        "application/problem+json",
                        json(problem.replace("\"status\":404", "\"status\":404,\"code\":\"NOT_FOUND\""))))
                .isEmpty();
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
