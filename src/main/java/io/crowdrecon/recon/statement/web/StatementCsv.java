package io.crowdrecon.recon.statement.web;

import io.crowdrecon.recon.shared.SpreadsheetText;
import io.crowdrecon.recon.statement.CampaignLedger;
import io.crowdrecon.recon.statement.CampaignLedger.Line;
import io.crowdrecon.recon.statement.InvestorStatement;
import io.crowdrecon.recon.statement.InvestorStatement.StatementLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Statements and ledgers as RFC 4180 CSV: a header row, ISO 8601 instants, amounts as plain decimals with {@code .}.
 * Written into memory (a statement or ledger is one investor's or one campaign's), so nothing blocks.
 */
final class StatementCsv {

    static final List<String> STATEMENT_HEADER = List.of(
            "at",
            "orderId",
            "campaignId",
            "type",
            "amount",
            "currency",
            "status",
            "reference",
            "channel",
            "payerName",
            "payerAccount");

    static final List<String> LEDGER_HEADER =
            List.of("at", "type", "orderId", "moneyinId", "instructionId", "amount", "currency", "balance");

    private StatementCsv() {}

    static String of(InvestorStatement statement) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(STATEMENT_HEADER);
            for (StatementLine l : statement.lines()) {
                csv.printRecord(
                        l.at().toString(),
                        l.order().orderId().value(),
                        l.order().campaignId().value(),
                        l.type(),
                        l.amount().amount().toPlainString(),
                        l.amount().currency(),
                        l.status(),
                        SpreadsheetText.safe(l.reference()),
                        blank(l.channel()),
                        blank(SpreadsheetText.safe(l.payerName())),
                        blank(SpreadsheetText.safe(l.payerAccount())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    static String of(CampaignLedger ledger) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(LEDGER_HEADER);
            for (Line l : ledger.lines()) {
                csv.printRecord(
                        l.at().toString(),
                        l.type().name(),
                        l.orderId() == null ? "" : l.orderId().value(),
                        l.moneyinId() == null ? "" : l.moneyinId().value(),
                        l.instructionId() == null ? "" : l.instructionId().value(),
                        l.amount().amount().toPlainString(),
                        l.amount().currency(),
                        l.balance().amount().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String blank(@Nullable String value) {
        return value == null ? "" : value;
    }
}
