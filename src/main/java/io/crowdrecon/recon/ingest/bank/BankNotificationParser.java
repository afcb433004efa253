package io.crowdrecon.recon.ingest.bank;

import io.crowdrecon.recon.ingest.JsonFields;
import io.crowdrecon.recon.ingest.JsonFields.Problem;
import io.crowdrecon.recon.ingest.bank.BankNotification.Credit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Debit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Rejected;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.shared.Iban;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a bank notification (SPEC.md section 6) as a tolerant reader: unknown fields are ignored,
 * but every field it uses must be present when required and valid, else the record is rejected
 * with a reason naming the field.
 */
public final class BankNotificationParser {

    static final int MAX_DESCRIPTION_BYTES = 4096;
    static final int MAX_TEXT = 255;

    private final ObjectMapper json;

    public BankNotificationParser(ObjectMapper json) {
        this.json = json;
    }

    public BankNotification parse(byte @Nullable [] value) {
        if (value == null || value.length == 0) {
            return new Rejected(new Problem(null, "empty record"), true, null, null, null);
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            return new Rejected(
                    new Problem(null, "not JSON: " + firstLine(e.getOriginalMessage())), true, null, null, null);
        } catch (NumberFormatException e) {
            // Jackson refuses a number beyond BigDecimal's limits (1E-2147483649) with this, not a JacksonException.
            return new Rejected(new Problem(null, "not JSON: " + firstLine(e.getMessage())), true, null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new Rejected(new Problem(null, "not a JSON object"), true, null, null, null);
        }
        JsonFields fields = new JsonFields(root);
        try {
            String direction = fields.requiredText("direction");
            if ("CREDIT".equals(direction)) {
                return new Credit(credit(fields));
            }
            if ("DEBIT".equals(direction)) {
                return debit(fields);
            }
            throw new JsonFields.Invalid("direction", "must be CREDIT or DEBIT");
        } catch (JsonFields.Invalid e) {
            boolean mayBeCredit = !"DEBIT".equals(fields.textOrNull("direction"));
            return new Rejected(
                    e.problem(),
                    mayBeCredit,
                    fields.textOrNull("notificationId"),
                    fields.decimalOrNull("amount"),
                    fields.textOrNull("currency"));
        }
    }

    private static IncomingCredit credit(JsonFields f) {
        String notificationId = f.requiredText("notificationId");
        String currency = f.currency("currency");
        BigDecimal amount = f.amount("amount", currency);
        String creditorIban = Iban.normalise(f.requiredText("creditorIban"));
        if (Iban.tryParse(creditorIban).isEmpty()) {
            throw new JsonFields.Invalid("creditorIban", "not a valid IBAN");
        }
        String bankReference = f.requiredText("bankReference");
        Instant receivedAt = f.requiredDateTime("receivedDatetime");
        String description = f.optionalText("description", Integer.MAX_VALUE);
        if (description != null && description.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
            throw new JsonFields.Invalid("description", "longer than 4 KiB");
        }
        String payerIban = f.optionalText("payerIban", 64);
        return new IncomingCredit(
                notificationId,
                CreditChannel.BANK_TRANSFER,
                amount,
                currency,
                creditorIban,
                bankReference,
                description,
                f.optionalText("structuredReference", MAX_TEXT),
                f.optionalText("payerName", MAX_TEXT),
                payerIban == null ? null : Iban.normalise(payerIban),
                null,
                null,
                f.optionalText("returnOfInstructionId", MAX_TEXT),
                null,
                f.date("bookingDate"),
                receivedAt,
                null);
    }

    private static Debit debit(JsonFields f) {
        String notificationId = f.requiredText("notificationId");
        String instructionId = f.optionalText("instructionId", MAX_TEXT);
        String returnOf = f.optionalText("returnOfNotificationId", MAX_TEXT);
        String status = null;
        BigDecimal amount = null;
        String currency = f.has("currency") ? f.currency("currency") : null;
        if (f.has("amount")) {
            amount = f.amount("amount", currency == null ? "EUR" : currency);
        }
        if (instructionId != null) {
            status = f.requiredText("status");
            if (!status.equals("EXECUTED") && !status.equals("FAILED")) {
                throw new JsonFields.Invalid("status", "must be EXECUTED or FAILED");
            }
        } else if (returnOf != null) {
            if (amount == null) {
                throw new JsonFields.Invalid("amount", "required for a recall (returnOfNotificationId)");
            }
            if (currency == null) {
                throw new JsonFields.Invalid("currency", "required for a recall (returnOfNotificationId)");
            }
        } else {
            throw new JsonFields.Invalid(
                    "a DEBIT needs instructionId and status, or returnOfNotificationId, amount and currency");
        }
        return new Debit(
                notificationId,
                instructionId,
                status,
                returnOf,
                amount,
                currency,
                f.date("bookingDate"),
                f.optionalText("reason", MAX_TEXT));
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
