package io.crowdrecon.recon.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five exports and their columns, in the order the CSV header names them. Each file lists the rows created in the
 * period (unidentified transfers: received), oldest first, ties by id. Amounts are in the major unit with the
 * currency's minor digits ({@code 1100.00} EUR); instants are ISO 8601 in UTC ({@code 2026-12-01T09:30:00Z}).
 */
public enum ExportKind {
    MONEYINS(
            "moneyins",
            List.of(
                    "moneyinId",
                    "orderId",
                    "campaignId",
                    "portalId",
                    "amount",
                    "currency",
                    "channel",
                    "payerName",
                    "payerIban",
                    "pspReference",
                    "notificationId",
                    "status",
                    "createdDatetime",
                    "recalledDatetime")),
    REFUNDS(
            "refunds",
            List.of(
                    "refundId",
                    "orderId",
                    "campaignId",
                    "portalId",
                    "moneyinId",
                    "amount",
                    "currency",
                    "channel",
                    "iban",
                    "pspReference",
                    "instructionId",
                    "status",
                    "reason",
                    "createdDatetime",
                    "executedDatetime")),
    UNIDENTIFIED_TRANSFERS(
            "unidentified-transfers",
            List.of(
                    "unidentifiedTransferId",
                    "portalId",
                    "amount",
                    "currency",
                    "channel",
                    "payerName",
                    "payerIban",
                    "description",
                    "pspReference",
                    "reason",
                    "candidateOrderId",
                    "notificationId",
                    "status",
                    "returnStatus",
                    "receivedDatetime",
                    "returnedDatetime")),
    PAYMENT_INSTRUCTIONS(
            "payment-instructions",
            List.of(
                    "instructionId",
                    "type",
                    "channel",
                    "status",
                    "amount",
                    "currency",
                    "creditorName",
                    "creditorIban",
                    "remittanceInformation",
                    "pspReference",
                    "portalId",
                    "campaignId",
                    "orderId",
                    "refundId",
                    "cashoutId",
                    "unidentifiedTransferId",
                    "reissueOf",
                    "failureReason",
                    "createdDatetime",
                    "executedDatetime")),
    MONEYOUTS(
            "moneyouts",
            List.of(
                    "moneyoutId",
                    "orderId",
                    "moneyinId",
                    "campaignId",
                    "portalId",
                    "companyId",
                    "type",
                    "status",
                    "amount",
                    "currency",
                    "splitOf",
                    "cashoutId",
                    "createdDatetime",
                    "executedDatetime",
                    "replacedDatetime"));

    private final String pathName;
    private final List<String> columns;

    ExportKind(String pathName, List<String> columns) {
        this.pathName = pathName;
        this.columns = columns;
    }

    /** The kind as the path spells it ({@code unidentified-transfers}). */
    public String pathName() {
        return pathName;
    }

    /** The header row: every column, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The kind the path names; empty for any other name (the endpoint answers 404). */
    public static Optional<ExportKind> ofPathName(String name) {
        return Arrays.stream(values()).filter(k -> k.pathName.equals(name)).findFirst();
    }
}
