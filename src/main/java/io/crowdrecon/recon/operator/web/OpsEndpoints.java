package io.crowdrecon.recon.operator.web;

import io.crowdrecon.recon.operator.OpsAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The kind of action of every {@code /api/v1/ops} endpoint, by method and path template: the one place where an
 * endpoint says what it needs. {@code OpsEndpointsTests} checks that the API document's ops operations and this table
 * name the same endpoints, so that a new endpoint cannot be forgotten; an endpoint missing here anyway is refused to
 * all but an ADMIN ({@link OpsAuthorizationFilter}).
 */
public final class OpsEndpoints {

    /** One endpoint: its method, its path template as the API document spells it, and its action. */
    public record Endpoint(HttpMethod method, String path, OpsAction action) {}

    private static final String OPS = "/api/v1/ops";

    /** Literal paths before templates that would also match them ({@code /operators/me}). */
    private static final List<Endpoint> ENDPOINTS = List.of(
            read("/audit"),
            read("/stats"),
            read("/exports/{kind}.csv"),
            read("/investors/{investorId}/statement"),
            read("/campaigns/{campaignId}/ledger"),
            read("/events"),
            read("/notifications/{notificationId}"),
            read("/portals/{portalId}"),
            new Endpoint(HttpMethod.POST, OPS + "/portals", OpsAction.ONBOARD_PORTALS),
            new Endpoint(HttpMethod.PUT, OPS + "/portals/{portalId}/payment-file-version", OpsAction.ONBOARD_PORTALS),
            read("/portals/{portalId}/settings"),
            new Endpoint(HttpMethod.PUT, OPS + "/portals/{portalId}/settings", OpsAction.ONBOARD_PORTALS),
            read("/companies/{companyId}"),
            new Endpoint(HttpMethod.POST, OPS + "/companies", OpsAction.ONBOARD_PORTALS),
            read("/review-items"),
            new Endpoint(HttpMethod.PUT, OPS + "/review-items/{reviewItemId}/resolved", OpsAction.RESOLVE_REVIEW_ITEMS),
            read("/instructions"),
            read("/instructions/{instructionId}"),
            new Endpoint(
                    HttpMethod.PUT, OPS + "/instructions/{instructionId}/reissued", OpsAction.REISSUE_INSTRUCTIONS),
            new Endpoint(HttpMethod.PUT, OPS + "/instructions/{instructionId}/approved", OpsAction.APPROVE_PAYMENTS),
            new Endpoint(HttpMethod.PUT, OPS + "/instructions/{instructionId}/rejected", OpsAction.APPROVE_PAYMENTS),
            read("/unidentified-transfers"),
            new Endpoint(
                    HttpMethod.PUT,
                    OPS + "/unidentified-transfers/{unidentifiedTransferId}/return-iban",
                    OpsAction.REISSUE_INSTRUCTIONS),
            read("/bank-files"),
            new Endpoint(HttpMethod.POST, OPS + "/bank-files", OpsAction.UPLOAD_BANK_FILES),
            read("/bank-files/{bankFileId}"),
            read("/bank-statements"),
            read("/bank-statements/{bankStatementId}"),
            read("/bank-statements/{bankStatementId}/entries"),
            read("/bank-accounts"),
            read("/payment-files"),
            new Endpoint(HttpMethod.POST, OPS + "/payment-files", OpsAction.TRANSMIT_PAYMENT_FILES),
            read("/payment-files/{paymentFileId}"),
            read("/payment-files/{paymentFileId}/content"),
            new Endpoint(HttpMethod.PUT, OPS + "/payment-files/{paymentFileId}/sent", OpsAction.TRANSMIT_PAYMENT_FILES),
            read("/operators"),
            new Endpoint(HttpMethod.POST, OPS + "/operators", OpsAction.MANAGE_OPERATORS),
            read("/operators/me"),
            read("/operators/{operatorId}"),
            new Endpoint(HttpMethod.PUT, OPS + "/operators/{operatorId}/disabled", OpsAction.MANAGE_OPERATORS),
            read("/log"),
            read("/webhook-endpoints"),
            read("/webhook-endpoints/{webhookEndpointId}/deliveries"),
            read("/holds"),
            new Endpoint(HttpMethod.POST, OPS + "/holds", OpsAction.MANAGE_HOLDS),
            read("/holds/{holdId}"),
            new Endpoint(HttpMethod.PUT, OPS + "/holds/{holdId}/released", OpsAction.MANAGE_HOLDS),
            new Endpoint(HttpMethod.PUT, OPS + "/holds/{holdId}/refused", OpsAction.MANAGE_HOLDS));

    private static final Map<Endpoint, PathPattern> PATTERNS = patterns();

    private OpsEndpoints() {}

    private static Endpoint read(String path) {
        return new Endpoint(HttpMethod.GET, OPS + path, OpsAction.READ);
    }

    private static Map<Endpoint, PathPattern> patterns() {
        Map<Endpoint, PathPattern> patterns = new LinkedHashMap<>();
        for (Endpoint endpoint : ENDPOINTS) {
            patterns.put(endpoint, PathPatternParser.defaultInstance.parse(endpoint.path()));
        }
        return patterns;
    }

    /** Every ops endpoint with its action. */
    public static List<Endpoint> all() {
        return ENDPOINTS;
    }

    /** The action of the endpoint a request reaches (HEAD as GET); empty when no endpoint of the table matches. */
    public static Optional<OpsAction> actionOf(HttpMethod method, String path) {
        HttpMethod asDeclared = method == HttpMethod.HEAD ? HttpMethod.GET : method;
        PathContainer container = PathContainer.parsePath(path);
        return PATTERNS.entrySet().stream()
                .filter(entry -> entry.getKey().method().equals(asDeclared))
                .filter(entry -> entry.getValue().matches(container))
                .map(entry -> entry.getKey().action())
                .findFirst();
    }
}
