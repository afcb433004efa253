package io.crowdrecon.recon.bankfile.read;

import static io.crowdrecon.recon.bankfile.read.ExpectedItems.balance;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.credit;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.debit;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.end;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.header;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.start;
import static io.crowdrecon.recon.bankfile.read.ExpectedItems.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CamtReaderTests {

    private static final String COLLECTION = "IT60X0542811101000000123456";

    // ---- every sample, read to the items expected, field by field ----

    static Stream<Arguments> samples() {
        return Stream.of(
                sample("camt.053.001.02-two-statements.xml", camt053v02TwoStatements()),
                sample("camt.053.001.03-small.xml", camt053v03()),
                sample("camt.053.001.04-batch-and-reversal.xml", camt053v04BatchAndReversal()),
                sample("camt.053.001.05-no-document-root.xml", camt053v05WithoutDocument()),
                sample("camt.053.001.06-small.xml", camt053v06InYen()),
                sample("camt.053.001.07-small.xml", camt053v07()),
                sample("camt.053.001.08-statement.xml", camt053v08()),
                sample("camt.052.001.02-intraday.xml", camt052v02Intraday()),
                sample("camt.052.001.08-pending.xml", camt052v08Pending()),
                sample("camt.054.001.02-credit.xml", camt054v02Credit()),
                sample("camt.054.001.04-credit-and-debit.xml", camt054v04CreditAndDebit()),
                sample("camt.054.001.08-credit-and-return.xml", camt054v08CreditAndReturn()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsEverySampleToTheItemsExpected(String file, List<BankFileItem> expected) {
        assertThat(readAll(sampleStream(file))).containsExactlyElementsOf(expected);
    }

    private static List<BankFileItem> camt053v02TwoStatements() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.02", "STMT-20260331-0001", "2026-03-31T20:15:00Z"),
                start("0542811101-2026-03-31")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(64)
                        .legalSequence(64)
                        .page(1)
                        .period("2026-03-31", "2026-03-31")
                        .createdAt("2026-03-31T20:15:00Z")
                        .opening(balance("12500.00", "EUR", "2026-03-31"))
                        .declared(4, "2450.00")
                        .build(),
                credit(0, "1100.00", "EUR")
                        .on("2026-03-31")
                        .servicerRef("2026033100001234")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("1100.00", "EUR")
                                .servicerRef("2026033100001234")
                                .endToEnd("NOTPROVIDED")
                                .transaction("DEUT20260331000471")
                                .debtor("Anna Schmidt", "DE12500105170648489890")
                                .ustrd("Investment TRX4198398434674323"))
                        .build(),
                credit(1, "250.00", "EUR")
                        .on("2026-03-31")
                        .entryRef("NREF-20260331-0002")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().endToEnd("JDV-2026-03-30-17")
                                .debtor("Jan de Vries", "NL20INGB0001234567")
                                .ustrd("Inschrijving Seed ronde", "Jan de Vries, 2e termijn")
                                .ref("RF11TRX4838526643116288"))
                        .build(),
                debit(2, "990.00", "EUR")
                        .on("2026-03-31")
                        .servicerRef("2026033100001301")
                        .code("PMNT/ICDT/ESCT")
                        .with(tx().amount("990.00", "EUR")
                                .instruction("MO-3F2A9C71")
                                .endToEnd("MO-3F2A9C71")
                                .creditor("ACME Srl", "GB29NWBK60161331926819")
                                .ustrd("Seed campaign payout"))
                        .build(),
                credit(3, "110.00", "EUR")
                        .on("2026-03-31")
                        .servicerRef("2026033100001377")
                        .code("PMNT/ICDT/RRTN")
                        .info("Return of payment MO-7B1D0E44")
                        .with(tx().instruction("MO-7B1D0E44")
                                .endToEnd("MO-7B1D0E44")
                                .returned("AC04")
                                .info("RETOURE SEPA UEBERWEISUNG"))
                        .build(),
                end(balance("12970.00", "EUR", "2026-03-31"), balance("12970.00", "EUR", "2026-03-31")),
                start("52014567-2026-03-31")
                        .other("52014567")
                        .currency("EUR")
                        .sequence(12)
                        .page(1)
                        .createdAt("2026-03-31T20:15:00Z")
                        .opening(balance("-40.00", "EUR", "2026-03-30"))
                        .build(),
                debit(0, "15.00", "EUR")
                        .on("2026-03-31")
                        .code("CHRG")
                        .info("Kontoführungsgebühr März")
                        .build(),
                end(balance("-55.00", "EUR", "2026-03-31"), null));
    }

    private static List<BankFileItem> camt053v03() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.03", "V03-0001", "2026-04-03T21:00:00Z"),
                start("V03-STMT-1")
                        .iban("DE89370400440532013000")
                        .sequence(3)
                        .opening(balance("0.00", "EUR", "2026-04-03"))
                        .build(),
                credit(0, "75.50", "EUR")
                        .on("2026-04-03")
                        .servicerRef("V03-REF-1")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("75.50", "EUR").endToEnd("V03-E2E-1").debtor("Peter Huber", null))
                        .build(),
                end(balance("75.50", "EUR", "2026-04-03"), null));
    }

    private static List<BankFileItem> camt053v04BatchAndReversal() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.04", "STMT-20260401-0001", "2026-04-01T20:10:00Z"),
                start("0542811101-2026-04-01")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(65)
                        .page(1)
                        .period("2026-04-01", "2026-04-01")
                        .createdAt("2026-04-01T20:10:00Z")
                        .opening(balance("12970.00", "EUR", "2026-04-01"))
                        .declared(2, "4150.00")
                        .build(),
                credit(0, "3850.00", "EUR")
                        .on("2026-04-01")
                        .servicerRef("2026040100000077")
                        .entryRef("BATCH-0401-7")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("1100.00", "EUR")
                                .servicerRef("2026040100000077-1")
                                .endToEnd("NOTPROVIDED")
                                .debtor("Lukas Gruber", "AT402011182221219900")
                                .ustrd("TRX0412400728166626"))
                        .with(tx().amount("550.00", "EUR")
                                .servicerRef("2026040100000077-2")
                                .endToEnd("E2E-2026-04-01-0099")
                                .debtor("Martine Dupont", "BE68539007547034")
                                .ref("RF11TRX2311027579683864"))
                        .with(tx().amount("2200.00", "EUR")
                                .servicerRef("2026040100000077-3")
                                .debtor("Lucía Fernández", "ES9121000418450200051332")
                                .ustrd("Suscripcion TRX4709584222777862"))
                        .build(),
                debit(1, "300.00", "EUR")
                        .reversal()
                        .booked("2026-04-01")
                        .valued("2026-03-30")
                        .servicerRef("2026040100000131")
                        .code("PMNT/RCDT/ESCT")
                        .info("STORNO Gutschrift vom 30.03.2026")
                        .build(),
                end(balance("16520.00", "EUR", "2026-04-01"), null));
    }

    private static List<BankFileItem> camt053v05WithoutDocument() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.05", "V05-0001", "2026-04-03T21:00:00Z"),
                start("V05-STMT-1")
                        .iban("DE89370400440532013000")
                        .currency("EUR")
                        .sequence(5)
                        .opening(balance("75.50", "EUR", "2026-04-03"))
                        .build(),
                debit(0, "5.00", "EUR")
                        .booked("2026-04-03")
                        .servicerRef("V05-REF-1")
                        .code("PMNT/ICDT/ESCT")
                        .with(tx().amount("5.00", "EUR")
                                .endToEnd("V05-E2E-1")
                                .creditor("Stadtwerke Nord", "DE12500105170648489890"))
                        .build(),
                end(balance("70.50", "EUR", "2026-04-03"), null));
    }

    private static List<BankFileItem> camt053v06InYen() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.06", "V06-0001", "2026-04-03T12:00:00Z"),
                start("V06-STMT-1")
                        .other("1234567")
                        .currency("JPY")
                        .page(2)
                        .opening(balance("100000", "JPY", "2026-04-03"))
                        .build(),
                credit(0, "25000", "JPY")
                        .booked("2026-04-03")
                        .servicerRef("V06-REF-1")
                        .code("PMNT/RCDT/XBCT")
                        .with(tx().amount("25000", "JPY").debtor("Tanaka Hiroshi", null))
                        .build(),
                end(null, null));
    }

    private static List<BankFileItem> camt053v07() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.07", "V07-0001", "2026-04-03T20:00:00Z"),
                start("V07-STMT-1")
                        .iban("NL91ABNA0417164300")
                        .currency("EUR")
                        .sequence(7)
                        .opening(balance("10.00", "EUR", "2026-04-03"))
                        .build(),
                credit(0, "1100.00", "EUR")
                        .booked("2026-04-03")
                        .servicerRef("V07-REF-1")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("1100.00", "EUR")
                                .debtor("Sophie Martin", "FR1420041010050500013M02606")
                                .ustrd("TRX4198398434674323"))
                        .build(),
                end(balance("1110.00", "EUR", "2026-04-03"), null));
    }

    private static List<BankFileItem> camt053v08() {
        return List.of(
                header(BankFileFormat.CAMT_053, "001.08", "STMT-20260402-0001", "2026-04-02T20:05:31.123Z"),
                start("0542811101-2026-04-02")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(66)
                        .legalSequence(66)
                        .page(1)
                        .period("2026-04-02", "2026-04-02")
                        .createdAt("2026-04-02T20:05:31.123Z")
                        .opening(balance("16520.00", "EUR", "2026-04-02"))
                        .declared(4, "6380.00")
                        .build(),
                credit(0, "1100.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000011")
                        .code("PMNT/RCDT/SDVA")
                        .with(tx().amount("1100.00", "EUR")
                                .servicerRef("2026040200000011")
                                .endToEnd("NOTPROVIDED")
                                .debtor("Giulia Bianchi", "DE29100100100987654321")
                                .ustrd("Sottoscrizione campagna Seed", "ordine TRX4575787493745220", "grazie"))
                        .build(),
                credit(1, "2200.00", "EUR")
                        .on("2026-04-02")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("2200.00", "EUR")
                                .endToEnd("ORD-88213")
                                .debtor("Van Dijk Beheer B.V.", "NL44RABO0123456789")
                                .ref("RF11TRX9587548951171541"))
                        .build(),
                credit(2, "990.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000042")
                        .code("PMNT/ICDT/RRTN")
                        .with(tx().amount("990.00", "EUR")
                                .instruction("MO-3F2A9C71")
                                .endToEnd("MO-3F2A9C71")
                                .creditor("ACME Srl", "GB29NWBK60161331926819")
                                .returned("MS03"))
                        .build(),
                debit(3, "2090.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000050")
                        .code("PMNT/ICDT/ESCT")
                        .with(tx().amount("2090.00", "EUR")
                                .instruction("MO-91C0AA05")
                                .endToEnd("MO-91C0AA05")
                                .creditor("ACME Srl", "GB29NWBK60161331926819"))
                        .build(),
                end(balance("18720.00", "EUR", "2026-04-02"), balance("17620.00", "EUR", "2026-04-02")));
    }

    private static List<BankFileItem> camt052v02Intraday() {
        return List.of(
                header(BankFileFormat.CAMT_052, "001.02", "RPT-20260402-1200", "2026-04-02T10:00:04Z"),
                start("0542811101-2026-04-02-1200")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(212)
                        .period("2026-04-02", "2026-04-02")
                        .createdAt("2026-04-02T10:00:04Z")
                        .opening(balance("16520.00", "EUR", "2026-04-02"))
                        .build(),
                credit(0, "1100.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000011")
                        .code("PMNT/RCDT/SDVA")
                        .with(tx().servicerRef("2026040200000011")
                                .debtor("Giulia Bianchi", "DE29100100100987654321")
                                .ustrd("ordine TRX4575787493745220"))
                        .build(),
                credit(1, "2200.00", "EUR")
                        .status("PDNG")
                        .valued("2026-04-02")
                        .entryRef("PDNG-0402-3")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().debtor("Van Dijk Beheer B.V.", null).ustrd("RF11TRX9587548951171541"))
                        .build(),
                end(null, null));
    }

    private static List<BankFileItem> camt052v08Pending() {
        return List.of(
                header(BankFileFormat.CAMT_052, "001.08", "RPT-20260402-1500", "2026-04-02T13:00:00Z"),
                start("52014567-2026-04-02-1500")
                        .other("52014567")
                        .currency("EUR")
                        .sequence(88)
                        .page(1)
                        .build(),
                credit(0, "550.00", "EUR")
                        .status("PDNG")
                        .valued("2026-04-03")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("550.00", "EUR")
                                .endToEnd("E2E-PDNG-7")
                                .debtor("Martine Dupont", null))
                        .build(),
                debit(1, "12.30", "EUR")
                        .status("VORM")
                        .booked("2026-04-02")
                        .code("NMSC+808")
                        .build(),
                end(null, null));
    }

    private static List<BankFileItem> camt054v02Credit() {
        return List.of(
                header(BankFileFormat.CAMT_054, "001.02", "NTF-20260402-000451", "2026-04-02T08:31:07Z"),
                start("NTF-20260402-000451-1")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .createdAt("2026-04-02T08:31:07Z")
                        .build(),
                credit(0, "1100.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000011")
                        .code("PMNT/RCDT/SDVA")
                        .with(tx().amount("1100.00", "EUR")
                                .servicerRef("2026040200000011")
                                .endToEnd("NOTPROVIDED")
                                .debtor("Giulia Bianchi", "DE29100100100987654321")
                                .ustrd("Sottoscrizione campagna Seed ordine TRX4575787493745220"))
                        .build(),
                end(null, null));
    }

    private static List<BankFileItem> camt054v04CreditAndDebit() {
        return List.of(
                header(BankFileFormat.CAMT_054, "001.04", "NTF-20260402-000460", "2026-04-02T14:02:00Z"),
                start("NTF-20260402-000460-1")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(460)
                        .page(1)
                        .declared(2, "4290.00")
                        .build(),
                credit(0, "2200.00", "EUR")
                        .on("2026-04-02")
                        .entryRef("NREF-0402-0460-1")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("2200.00", "EUR")
                                .endToEnd("ORD-88213")
                                .debtor("Van Dijk Beheer B.V.", "NL44RABO0123456789")
                                .ref("RF11TRX9587548951171541"))
                        .build(),
                debit(1, "2090.00", "EUR")
                        .on("2026-04-02")
                        .servicerRef("2026040200000050")
                        .code("PMNT/ICDT/ESCT")
                        .with(tx().amount("2090.00", "EUR")
                                .instruction("MO-91C0AA05")
                                .endToEnd("MO-91C0AA05")
                                .creditor("ACME Srl", "GB29NWBK60161331926819"))
                        .build(),
                end(null, null));
    }

    private static List<BankFileItem> camt054v08CreditAndReturn() {
        return List.of(
                header(BankFileFormat.CAMT_054, "001.08", "NTF-20260403-000012", "2026-04-03T07:12:45Z"),
                start("NTF-20260403-000012-1")
                        .iban(COLLECTION)
                        .currency("EUR")
                        .sequence(12)
                        .createdAt("2026-04-03T07:12:45Z")
                        .build(),
                credit(0, "550.00", "EUR")
                        .on("2026-04-03")
                        .servicerRef("2026040300000003")
                        .code("PMNT/RCDT/ESCT")
                        .with(tx().amount("550.00", "EUR")
                                .servicerRef("2026040300000003")
                                .endToEnd("NOTPROVIDED")
                                .debtor("Martine Dupont", "BE68539007547034")
                                .ustrd("Souscription TRX2311027579683864", "Martine Dupont", "Bruxelles"))
                        .build(),
                credit(1, "110.00", "EUR")
                        .on("2026-04-03")
                        .entryRef("RTN-0403-1")
                        .code("PMNT/ICDT/RRTN")
                        .with(tx().amount("110.00", "EUR")
                                .instruction("MO-C4D2E801")
                                .endToEnd("MO-C4D2E801")
                                .creditor("Crowd One Fees", "DE89370400440532013000")
                                .returned("AC04"))
                        .build(),
                end(null, null));
    }

    // ---- the versions' differences, each form read ----

    static Stream<Arguments> entryStatusForms() {
        return Stream.of(
                Arguments.of("02", "<Sts>BOOK</Sts>", "BOOK"),
                Arguments.of("04", "<Sts>PDNG</Sts>", "PDNG"),
                Arguments.of("06", "<Sts>INFO</Sts>", "INFO"),
                Arguments.of("07", "<Sts><Cd>BOOK</Cd></Sts>", "BOOK"),
                Arguments.of("08", "<Sts><Cd>PDNG</Cd></Sts>", "PDNG"),
                Arguments.of("08", "<Sts><Prtry>VORM</Prtry></Sts>", "VORM"),
                Arguments.of("08", "<Sts>\n  <Cd> BOOK </Cd>\n</Sts>", "BOOK"));
    }

    @ParameterizedTest(name = "camt.053.001.{0}: {1} is {2}")
    @MethodSource("entryStatusForms")
    void readsTheEntryStatusAsACodeUpToVersion6AndAsStsCdFromVersion7(String version, String sts, String status) {
        Entry entry = onlyEntry(camt053(version, HEAD + "<Ntry>" + AMOUNT + sts + "</Ntry>"));

        assertThat(entry.status()).isEqualTo(status);
    }

    static Stream<Arguments> partyForms() {
        return Stream.of(
                Arguments.of("02", "<Dbtr><Nm>Anna Schmidt</Nm></Dbtr>", "Anna Schmidt"),
                Arguments.of(
                        "06", "<Dbtr><Nm>Anna Schmidt</Nm><PstlAdr><Ctry>DE</Ctry></PstlAdr></Dbtr>", "Anna Schmidt"),
                Arguments.of("07", "<Dbtr><Pty><Nm>Anna Schmidt</Nm></Pty></Dbtr>", "Anna Schmidt"),
                Arguments.of("08", "<Dbtr><Pty><Nm>Anna Schmidt</Nm><Id><PrvtId/></Id></Pty></Dbtr>", "Anna Schmidt"),
                Arguments.of(
                        "08", "<Dbtr><Agt><FinInstnId><BICFI>INGDDEFFXXX</BICFI></FinInstnId></Agt></Dbtr>", null));
    }

    @ParameterizedTest(name = "camt.053.001.{0}: {1}")
    @MethodSource("partyForms")
    void readsTheDebtorNameAsDbtrNmUpToVersion6AndAsDbtrPtyNmFromVersion7(String version, String dbtr, String name) {
        Transaction tx = onlyTransaction(camt053(
                version,
                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><NtryDtls><TxDtls><RltdPties>" + dbtr
                        + "<DbtrAcct><Id><IBAN>DE12500105170648489890</IBAN></Id></DbtrAcct>"
                        + "</RltdPties></TxDtls></NtryDtls></Ntry>"));

        assertThat(tx.debtorName()).isEqualTo(name);
        assertThat(tx.debtorIban()).isEqualTo("DE12500105170648489890");
    }

    static Stream<Arguments> transactionAmounts() {
        return Stream.of(
                Arguments.of(
                        "only AmtDtls/TxAmt/Amt (.02)",
                        "<AmtDtls><TxAmt><Amt Ccy=\"EUR\">4.00</Amt></TxAmt></AmtDtls>",
                        "4.00"),
                Arguments.of("only Amt (.03 on)", "<Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>", "5.00"),
                Arguments.of(
                        "Amt and AmtDtls/TxAmt: TxAmt",
                        "<Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                                + "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">6.10</Amt></InstdAmt>"
                                + "<TxAmt><Amt Ccy=\"EUR\">5.00</Amt></TxAmt></AmtDtls>",
                        "5.00"),
                Arguments.of(
                        "only AmtDtls/InstdAmt: none",
                        "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">6.10</Amt></InstdAmt></AmtDtls>",
                        null),
                Arguments.of("neither: none", "<Refs><EndToEndId>E</EndToEndId></Refs>", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionAmounts")
    void readsATransactionsAmountFromTxAmtElseFromAmt(String behaviour, String details, String amount) {
        Transaction tx = onlyTransaction(camt053(
                "08",
                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><NtryDtls><TxDtls>" + details
                        + "</TxDtls></NtryDtls></Ntry>"));

        assertThat(tx.amount()).isEqualTo(amount == null ? null : new BigDecimal(amount));
        assertThat(tx.currency()).isEqualTo(amount == null ? null : "EUR");
    }

    static Stream<Arguments> dateForms() {
        return Stream.of(
                Arguments.of("Dt", "<BookgDt><Dt>2026-03-31</Dt></BookgDt>", "2026-03-31"),
                Arguments.of(
                        "DtTm with offset, the date as written",
                        "<BookgDt><DtTm>2026-03-31T23:30:00-05:00</DtTm></BookgDt>",
                        "2026-03-31"),
                Arguments.of("DtTm in UTC", "<BookgDt><DtTm>2026-03-31T00:15:00Z</DtTm></BookgDt>", "2026-03-31"),
                Arguments.of(
                        "DtTm without offset", "<BookgDt><DtTm>2026-03-31T08:00:00.5</DtTm></BookgDt>", "2026-03-31"),
                Arguments.of("Dt with a time zone", "<BookgDt><Dt>2026-03-31+02:00</Dt></BookgDt>", "2026-03-31"),
                Arguments.of("no BookgDt", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateForms")
    void readsTheBookingDateFromDtOrDtTm(String behaviour, String bookingDate, String date) {
        Entry entry = onlyEntry(camt053("08", HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts>" + bookingDate + "</Ntry>"));

        assertThat(entry.bookingDate()).isEqualTo(date == null ? null : LocalDate.parse(date));
    }

    static Stream<Arguments> bankTransactionCodes() {
        return Stream.of(
                Arguments.of("a domain code", DOMAIN, "PMNT/RCDT/ESCT"),
                Arguments.of("a proprietary code", "<Prtry><Cd>NTRF+166</Cd><Issr>ZKA</Issr></Prtry>", "NTRF+166"),
                Arguments.of("both: the domain code", DOMAIN + "<Prtry><Cd>NTRF+166</Cd></Prtry>", "PMNT/RCDT/ESCT"),
                Arguments.of(
                        "an incomplete domain code and a proprietary one",
                        "<Domn><Cd>PMNT</Cd></Domn><Prtry><Cd>NTRF</Cd></Prtry>",
                        "NTRF"),
                Arguments.of("an empty BkTxCd", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bankTransactionCodes")
    void readsTheDomainBankTransactionCodeElseTheProprietaryOne(String behaviour, String code, String expected) {
        Entry entry = onlyEntry(
                camt053("02", HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><BkTxCd>" + code + "</BkTxCd></Ntry>"));

        assertThat(entry.bankTransactionCode()).isEqualTo(expected);
    }

    static Stream<Arguments> returnReasons() {
        return Stream.of(
                Arguments.of("Rsn/Cd", "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>", "AC04"),
                Arguments.of(
                        "Rsn/Prtry",
                        "<RtrInf><Rsn><Prtry>R17</Prtry></Rsn><AddtlInf>closed</AddtlInf></RtrInf>",
                        "R17"),
                Arguments.of(
                        "RtrInf without Rsn: NARR, as MT940 says a return without code",
                        "<RtrInf><AddtlInf>returned</AddtlInf></RtrInf>",
                        "NARR"),
                Arguments.of("no RtrInf", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("returnReasons")
    void readsTheReturnReasonCodeOrProprietaryReason(String behaviour, String returnInfo, String reason) {
        Transaction tx = onlyTransaction(camt053(
                "04",
                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><NtryDtls><TxDtls>" + returnInfo
                        + "</TxDtls></NtryDtls></Ntry>"));

        assertThat(tx.returnReason()).isEqualTo(reason);
        assertThat(tx.isReturn()).isEqualTo(reason != null);
    }

    static Stream<Arguments> openingBalances() {
        return Stream.of(
                Arguments.of("OPBD", bal("OPBD", "1.00", "CRDT", "<Dt>2026-04-01</Dt>"), "1.00", "2026-04-01"),
                Arguments.of(
                        "PRCD when no OPBD", bal("PRCD", "2.00", "DBIT", "<Dt>2026-03-31</Dt>"), "-2.00", "2026-03-31"),
                Arguments.of(
                        "OPBD before PRCD, whatever their order",
                        bal("PRCD", "2.00", "CRDT", "<Dt>2026-03-31</Dt>")
                                + bal("OPBD", "3.00", "CRDT", "<DtTm>2026-04-01T00:00:00+02:00</DtTm>"),
                        "3.00",
                        "2026-04-01"),
                Arguments.of(
                        "a proprietary balance type, not read",
                        "<Bal><Tp><CdOrPrtry><Prtry>OPBD</Prtry></CdOrPrtry></Tp><Amt Ccy=\"EUR\">9.00</Amt>"
                                + "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-04-01</Dt></Dt></Bal>",
                        null,
                        null),
                Arguments.of(
                        "an interim balance only", bal("ITBD", "4.00", "CRDT", "<Dt>2026-04-01</Dt>"), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openingBalances")
    void readsTheOpeningBalanceFromOpbdElsePrcdSignedByItsIndicator(
            String behaviour, String balances, String amount, String date) {
        StatementStart start =
                (StatementStart) readAll(camt053("08", HEAD + balances)).get(1);

        assertThat(start.opening()).isEqualTo(amount == null ? null : balance(amount, "EUR", date));
    }

    @Test
    void readsTheClosingBookedAndAvailableBalancesWhereverTheyAre() {
        List<BankFileItem> items = readAll(camt053(
                "08",
                HEAD + bal("CLAV", "7.00", "DBIT", "<Dt>2026-04-01</Dt>")
                        + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts></Ntry>"
                        + bal("CLBD", "8.00", "CRDT", "<Dt>2026-04-01</Dt>")));

        assertThat(items.get(items.size() - 1))
                .isEqualTo(end(balance("8.00", "EUR", "2026-04-01"), balance("-7.00", "EUR", "2026-04-01")));
    }

    @Test
    void readsAStatementWithoutEntriesAsItsStartAndEnd() {
        List<BankFileItem> items = readAll(camt053(
                "02",
                HEAD
                        + bal("OPBD", "5.00", "CRDT", "<Dt>2026-04-01</Dt>")
                        + bal("CLBD", "5.00", "CRDT", "<Dt>2026-04-01</Dt>")));

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOf(StatementStart.class);
        assertThat(items.get(2)).isEqualTo(end(balance("5.00", "EUR", "2026-04-01"), null));
    }

    @Test
    void keepsTextAsWrittenWithoutTheXmlWhitespaceAroundIt() {
        Transaction tx = onlyTransaction(camt053(
                "08",
                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><NtryDtls><TxDtls><RmtInf>"
                        + "<Ustrd>\n   Müller &amp; Söhne  GmbH\t\n</Ustrd>"
                        + "<Ustrd><![CDATA[a < b, \"quoted\"]]></Ustrd>"
                        + "<Ustrd>ordine <!-- a comment -->TRX4575787493745220</Ustrd>"
                        + "<Ustrd>\u00a0non-breaking\u00a0</Ustrd>"
                        + "<Ustrd>   </Ustrd>"
                        + "<Ustrd/>"
                        + "</RmtInf><AddtlTxInf>trx 4575 7874 9374 5220</AddtlTxInf></TxDtls></NtryDtls></Ntry>"));

        assertThat(tx.unstructured())
                .containsExactly(
                        "Müller & Söhne  GmbH",
                        "a < b, \"quoted\"",
                        "ordine TRX4575787493745220",
                        "\u00a0non-breaking\u00a0");
        assertThat(tx.additionalInfo()).isEqualTo("trx 4575 7874 9374 5220");
    }

    @Test
    void readsEntryElementsInAnyOrderAndSkipsWhatItDoesNotKnow() {
        Entry entry = onlyEntry(camt053(
                "08",
                HEAD + "<Ntry>"
                        + "<AcctSvcrRef>REF-1</AcctSvcrRef>"
                        + "<x:Extension xmlns:x=\"urn:example:bank\"><x:Amt Ccy=\"??\">not read</x:Amt></x:Extension>"
                        + "<Sts><Cd>BOOK</Cd></Sts>"
                        + "<CdtDbtInd>DBIT</CdtDbtInd>"
                        + "<Avlbty><Dt><NbOfDays>1</NbOfDays></Dt><Amt Ccy=\"EUR\">bad</Amt><CdtDbtInd>X</CdtDbtInd></Avlbty>"
                        + "<Amt Ccy=\"EUR\">12.34</Amt>"
                        + "<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>"
                        + "<TxDtls><Refs><Prtry><Tp>T</Tp><Ref>P</Ref></Prtry><EndToEndId>A</EndToEndId></Refs>"
                        + "<SplmtryData><Envlp><y:Any xmlns:y=\"urn:example:y\"><y:Amt>bad</y:Amt></y:Any></Envlp></SplmtryData>"
                        + "</TxDtls></NtryDtls>"
                        + "<NtryDtls><TxDtls><Refs><EndToEndId>B</EndToEndId></Refs></TxDtls></NtryDtls>"
                        + "</Ntry>"));

        assertThat(entry)
                .isEqualTo(debit(0, "12.34", "EUR")
                        .servicerRef("REF-1")
                        .with(tx().endToEnd("A"))
                        .with(tx().endToEnd("B"))
                        .build());
    }

    @Test
    void readsAStatementsHeaderInAnyOrderBeforeItsEntries() {
        StatementStart start = (StatementStart) readAll(camt053(
                        "08",
                        "<Acct><Ccy>EUR</Ccy><Id><Othr><SchmeNm><Cd>BBAN</Cd></SchmeNm><Id>0042</Id></Othr></Id></Acct>"
                                + "<TxsSummry><TtlCdtNtries><NbOfNtries>9</NbOfNtries></TtlCdtNtries>"
                                + "<TtlNtries><Sum>0</Sum><NbOfNtries>0</NbOfNtries></TtlNtries></TxsSummry>"
                                + "<LglSeqNb>7.0</LglSeqNb><Id>S-9</Id><ElctrncSeqNb>000123</ElctrncSeqNb>"))
                .get(1);

        assertThat(start)
                .isEqualTo(start("S-9")
                        .other("0042")
                        .currency("EUR")
                        .sequence(123)
                        .legalSequence(7)
                        .declared(0, "0")
                        .build());
    }

    @Test
    void readsTheCreationTimeWithoutOffsetAsUtc() {
        FileHeader header =
                (FileHeader) readAll(camt053("02", HEAD).replace("2026-04-01T10:00:00Z", "2026-04-01T10:00:00"))
                        .get(0);

        assertThat(header.createdAt()).isEqualTo(Instant.parse("2026-04-01T10:00:00Z"));
    }

    // ---- what the reader refuses ----

    static Stream<Arguments> unreadable() {
        return Stream.of(
                bad(
                        "a DOCTYPE without entities",
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE Document>\n" + documentBody("08", HEAD),
                        "DOCTYPE is not allowed"),
                bad(
                        "an external DTD",
                        "<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/camt.dtd\">" + documentBody("08", HEAD),
                        "DOCTYPE is not allowed"),
                bad(
                        "a parameter entity",
                        "<!DOCTYPE Document [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]>"
                                + documentBody("08", HEAD),
                        "DOCTYPE is not allowed"),
                bad(
                        "an undeclared entity",
                        camt053("08", HEAD.replace("S-1", "S-&undeclared;")),
                        "malformed XML at line 6, column"),
                bad(
                        "mismatched tags",
                        camt053("08", HEAD + "<Ntry><Amt Ccy=\"EUR\">1.00</Amount></Ntry>"),
                        "malformed XML at line 6, column",
                        "must be terminated by the matching end-tag \"</Amt>\""),
                bad(
                        "two roots",
                        camt053("08", HEAD) + "<Document/>",
                        "malformed XML at line 10, column",
                        "markup in the document following the root element must be well-formed"),
                bad(
                        "no element at all",
                        "<?xml version=\"1.0\"?>\n<!-- nothing -->\n",
                        "malformed XML at line 3, column 1: Premature end of file."),
                bad(
                        "an empty Document",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>",
                        "the XML Document is empty"),
                bad(
                        "another ISO 20022 message",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn/></Document>",
                        "pain.001.001.09 is not a bank-to-customer statement, report or notification: crowdrecon reads"
                                + " camt.052, camt.053 and camt.054 in versions .001.02 to .001.08"),
                bad(
                        "another camt message",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.056.001.08\"><FIToFIPmtCxlReq/></Document>",
                        "camt.056.001.08 is not a bank-to-customer statement"),
                bad(
                        "camt.053 version .09",
                        camt053("09", HEAD),
                        "camt.053.001.09 is a version crowdrecon does not read"),
                bad(
                        "camt.054 version .01",
                        camt("054", "01", "BkToCstmrDbtCdtNtfctn", "Ntfctn", HEAD),
                        "camt.054.001.01 is a version crowdrecon does not read"),
                bad(
                        "a message element not of its namespace",
                        camt053("08", HEAD).replace("BkToCstmrStmt", "BkToCstmrAcctRpt"),
                        "a camt.053 document holds BkToCstmrStmt, not BkToCstmrAcctRpt"),
                bad(
                        "no namespace",
                        camt053("08", HEAD).replace(" xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"", ""),
                        "not an ISO 20022 camt message: element BkToCstmrStmt has no namespace"),
                bad(
                        "a web page",
                        "<html><body>Login</body></html>",
                        "not an ISO 20022 camt message: element html has no namespace"),
                bad(
                        "no GrpHdr",
                        camt053("08", HEAD).replaceAll("<GrpHdr>.*</GrpHdr>", ""),
                        "camt.053.001.08 BkToCstmrStmt, line 5: GrpHdr is missing (it comes first)"),
                bad(
                        "no MsgId",
                        camt053("08", HEAD).replace("<MsgId>M-1</MsgId>", ""),
                        "camt.053.001.08 GrpHdr, line 4: MsgId is missing"),
                bad(
                        "a GrpHdr/CreDtTm that is no date and time",
                        camt053("08", HEAD).replace("2026-04-01T10:00:00Z", "01.04.2026 10:00"),
                        "GrpHdr, line 4: CreDtTm '01.04.2026 10:00' is not a date and time"),
                bad(
                        "no statement",
                        camt053("08", HEAD).replaceAll("(?s)<Stmt>.*</Stmt>", ""),
                        "camt.053.001.08 BkToCstmrStmt, line 6: no Stmt in the message"),
                bad(
                        "a statement without Id",
                        camt053("08", HEAD.replace("<Id>S-1</Id>", "")),
                        "camt.053.001.08 Stmt 1, line 5: Id is missing"),
                bad(
                        "a statement without Acct",
                        camt053("08", "<Id>S-1</Id><Ntry>" + AMOUNT + "<Sts>BOOK</Sts></Ntry>"),
                        "Stmt 1 (Id 'S-1'), line 5: Acct is missing"),
                bad(
                        "an Acct without IBAN or Othr/Id",
                        camt053(
                                "08",
                                "<Id>S-1</Id><Acct><Id><Othr><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id></Acct>"),
                        "Stmt 1 (Id 'S-1'), line 5: Acct has neither Id/IBAN nor Id/Othr/Id"),
                bad(
                        "an account currency of two letters",
                        camt053("08", HEAD.replace("</Acct>", "<Ccy>EU</Ccy></Acct>")),
                        "Stmt 1 (Id 'S-1'), line 6: Acct/Ccy 'EU' is not a currency code (three upper-case letters)"),
                bad(
                        "an Ntry without Amt",
                        camt053("08", HEAD + "<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"),
                        "Stmt 1 (Id 'S-1'), Ntry index 0, line 6: Amt is missing"),
                bad(
                        "an Ntry without CdtDbtInd",
                        camt053("08", HEAD + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><Sts>BOOK</Sts></Ntry>"),
                        "Ntry index 0, line 6: Ntry: CdtDbtInd is missing"),
                bad(
                        "an Ntry with CdtDbtInd CREDIT",
                        camt053(
                                "08",
                                HEAD
                                        + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"),
                        "Ntry index 0, line 6: Ntry: CdtDbtInd 'CREDIT' is neither CRDT nor DBIT"),
                bad(
                        "an Ntry without Sts",
                        camt053("08", HEAD + "<Ntry>" + AMOUNT + "</Ntry>"),
                        "Ntry index 0, line 6: Sts is missing"),
                bad(
                        "an Ntry amount with a comma",
                        entryAmount("12,50", "EUR"),
                        "Ntry index 0, line 6: Amt '12,50' is not a decimal"),
                bad("an Ntry amount with an exponent", entryAmount("1E3", "EUR"), "Amt '1E3' is not a decimal"),
                bad("an empty Ntry amount", entryAmount("", "EUR"), "Ntry index 0, line 6: Amt is missing"),
                bad(
                        "a negative Ntry amount",
                        entryAmount("-5.00", "EUR"),
                        "Amt '-5.00' is negative; camt amounts are unsigned"),
                bad(
                        "an Ntry amount without Ccy",
                        camt053("08", HEAD + "<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"),
                        "Ntry index 0, line 6: Amt has no Ccy"),
                bad(
                        "a lower-case currency",
                        entryAmount("1.00", "eur"),
                        "Amt 'eur' is not a currency code (three upper-case letters)"),
                bad("a four-letter currency", entryAmount("1.00", "EURO"), "Amt 'EURO' is not a currency code"),
                bad("an unknown currency", entryAmount("1.00", "XYZ"), "Amt 'XYZ' is not an ISO 4217 currency"),
                bad(
                        "three decimals in EUR",
                        entryAmount("10.001", "EUR"),
                        "Ntry index 0, line 6: Amt 10.001 EUR has more decimals than the 2 of EUR"),
                bad(
                        "decimals in JPY",
                        entryAmount("100.5", "JPY"),
                        "Amt 100.5 JPY has more decimals than the 0 of JPY"),
                bad(
                        "four decimals in KWD",
                        entryAmount("1.0005", "KWD"),
                        "Amt 1.0005 KWD has more decimals than the 3 of KWD"),
                bad(
                        "three decimals in a balance",
                        camt053("08", HEAD + bal("OPBD", "1.001", "CRDT", "<Dt>2026-04-01</Dt>")),
                        "Stmt 1 (Id 'S-1'), line 6: Bal OPBD/Amt 1.001 EUR has more decimals than the 2 of EUR"),
                bad(
                        "three decimals in a transaction",
                        camt053(
                                "08",
                                HEAD + "<Ntry>" + AMOUNT
                                        + "<Sts>BOOK</Sts><NtryDtls><TxDtls><Amt Ccy=\"EUR\">0.005</Amt></TxDtls></NtryDtls></Ntry>"),
                        "Ntry index 0, line 6: TxDtls 1 Amt 0.005 EUR has more decimals than the 2 of EUR"),
                bad(
                        "a balance without Amt",
                        camt053(
                                "08",
                                HEAD
                                        + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><CdtDbtInd>CRDT</CdtDbtInd></Bal>"),
                        "line 6: Bal CLBD: Amt is missing"),
                bad(
                        "a balance without CdtDbtInd",
                        camt053(
                                "08",
                                HEAD
                                        + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1.00</Amt></Bal>"),
                        "line 6: Bal CLBD: CdtDbtInd is missing"),
                bad(
                        "a booking date that does not exist",
                        entryWith("<BookgDt><Dt>2026-02-30</Dt></BookgDt>"),
                        "Ntry index 0, line 6: BookgDt/Dt '2026-02-30' is not a date (YYYY-MM-DD)"),
                bad(
                        "a booking date written day first",
                        entryWith("<BookgDt><Dt>31.03.2026</Dt></BookgDt>"),
                        "BookgDt/Dt '31.03.2026' is not a date"),
                bad(
                        "a booking date and time with a space",
                        entryWith("<BookgDt><DtTm>2026-03-31 10:00:00</DtTm></BookgDt>"),
                        "BookgDt/DtTm '2026-03-31 10:00:00' is not a date and time"),
                bad(
                        "a value date that is empty",
                        entryWith("<ValDt><Dt></Dt></ValDt>"),
                        "ValDt/Dt (empty) is not a date"),
                bad(
                        "a booking date with neither Dt nor DtTm",
                        entryWith("<BookgDt><Tm>10:00</Tm></BookgDt>"),
                        "Ntry index 0, line 6: BookgDt holds neither Dt nor DtTm"),
                bad(
                        "a reversal indicator that is no boolean",
                        entryWith("<RvslInd>yes</RvslInd>"),
                        "Ntry index 0, line 6: RvslInd 'yes' is not a boolean (true or false)"),
                bad(
                        "a sequence number with a fraction",
                        camt053("08", HEAD.replace("</Id>", "</Id><ElctrncSeqNb>1.5</ElctrncSeqNb>")),
                        "Stmt 1 (Id 'S-1'), line 6: ElctrncSeqNb '1.5' is not a whole number of 0 or more"),
                bad(
                        "a negative sequence number",
                        camt053("08", HEAD.replace("</Id>", "</Id><LglSeqNb>-1</LglSeqNb>")),
                        "LglSeqNb '-1' is not a whole number"),
                bad(
                        "a page number that is no number",
                        camt053("08", HEAD.replace("</Id>", "</Id><StmtPgntn><PgNb>one</PgNb></StmtPgntn>")),
                        "PgNb 'one' is not a whole number"),
                bad(
                        "a page number too large",
                        camt053("08", HEAD.replace("</Id>", "</Id><StmtPgntn><PgNb>99999999999</PgNb></StmtPgntn>")),
                        "Stmt 1 (Id 'S-1'), line 6: PgNb '99999999999' is not a page number"),
                bad(
                        "a declared sum that is no decimal",
                        camt053("08", HEAD + "<TxsSummry><TtlNtries><Sum>1.000,00</Sum></TtlNtries></TxsSummry>"),
                        "TxsSummry/TtlNtries/Sum '1.000,00' is not a decimal"),
                bad(
                        "an element where text belongs",
                        camt053("08", HEAD + "<Ntry><Amt Ccy=\"EUR\"><Value>1.00</Value></Amt></Ntry>"),
                        "line 6: Amt holds an element (Value) where text belongs"),
                bad(
                        "an opening balance after the first entry",
                        camt053(
                                "08",
                                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts></Ntry>"
                                        + bal("OPBD", "1.00", "CRDT", "<Dt>2026-04-01</Dt>")),
                        "Stmt 1 (Id 'S-1'), line 6: Bal OPBD comes after the first Ntry; opening balances come before the entries"),
                bad(
                        "an account after the first entry",
                        camt053(
                                "08",
                                "<Id>S-1</Id>" + "<Acct><Id><IBAN>X</IBAN></Id></Acct>" + "<Ntry>" + AMOUNT
                                        + "<Sts>BOOK</Sts></Ntry><Acct/>"),
                        "Acct comes after the first Ntry; a Stmt's header, opening balance and TxsSummry come before its entries"),
                bad(
                        "the second statement's bad entry",
                        camt053(
                                "04",
                                HEAD + "</Stmt><Stmt><Id>S-2</Id><Acct><Id><IBAN>X</IBAN></Id></Acct>"
                                        + "<Ntry><Amt Ccy=\"EUR\">x</Amt></Ntry>"),
                        "camt.053.001.04 Stmt 2 (Id 'S-2'), Ntry index 0, line 6: Amt 'x' is not a decimal"),
                bad(
                        "a camt.054 notification's bad entry",
                        camt(
                                "054",
                                "08",
                                "BkToCstmrDbtCdtNtfctn",
                                "Ntfctn",
                                HEAD + "<Ntry><Amt Ccy=\"EUR\">x</Amt></Ntry>"),
                        "camt.054.001.08 Ntfctn 1 (Id 'S-1'), Ntry index 0, line 6: Amt 'x' is not a decimal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void refusesWhatIsNotAWellFormedCamtMessage(String behaviour, String xml, List<String> fragments) {
        assertThatThrownBy(() -> readAll(xml))
                .isInstanceOf(UnreadableBankFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + documentBody("08", HEAD.replace("S-1", "&xxe;"));

        assertThatThrownBy(() -> readAll(xml))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessage("DOCTYPE is not allowed: crowdrecon reads no DTD and resolves no entity (line 2)")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("TOP-SECRET-CONTENT"));
    }

    @Test
    void refusesAnEntityExpansionBombWithoutExpandingIt() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + documentBody("08", HEAD.replace("S-1", "&lol9;"));

        // 10^9 "lol"s, 3 GB expanded: refused at the DOCTYPE, before any entity is looked at
        assertThatThrownBy(() -> readAll(xml))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageStartingWith("DOCTYPE is not allowed");
    }

    @Test
    void readsAFileInTheEncodingItDeclares() {
        String xml = camt053(
                        "02",
                        HEAD + "<Ntry>" + AMOUNT
                                + "<Sts>BOOK</Sts><AddtlNtryInf>Kontoführungsgebühr</AddtlNtryInf></Ntry>")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");

        Entry entry = onlyEntry(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(entry.additionalInfo()).isEqualTo("Kontoführungsgebühr");
    }

    @Test
    void refusesBytesThatAreNotInTheDeclaredEncoding() {
        String xml =
                camt053("02", HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts><AddtlNtryInf>Gebühr</AddtlNtryInf></Ntry>");

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageMatching("malformed XML at line 6, column \\d+: Invalid byte 1 of 1-byte UTF-8 sequence\\.");
    }

    @Test
    void reportsAnInputThatFailsMidwayAsUnreadableAndNotAsMalformed() {
        InputStream failing = new FilterInputStream(new GeneratedStatement(1_000)) {
            private long read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read > 100_000) {
                    throw new IOException("connection reset");
                }
                int count = super.read(buffer, offset, length);
                read += Math.max(count, 0);
                return count;
            }
        };

        assertThatThrownBy(() -> readAll(failing))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessage("the file could not be read: connection reset");
    }

    static Stream<Arguments> truncations() {
        String sample = new String(sampleBytes("camt.053.001.02-two-statements.xml"), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("in the middle of an entry", sample.substring(0, sample.indexOf("<Ustrd>Investment"))),
                Arguments.of("inside a tag", sample.substring(0, sample.indexOf("<AcctSvcrRef>2026033100001301") + 5)),
                Arguments.of(
                        "after the last statement",
                        sample.substring(0, sample.lastIndexOf("</Stmt>") + "</Stmt>".length())),
                Arguments.of("before the root's end", sample.substring(0, sample.lastIndexOf("</Document>"))));
    }

    @ParameterizedTest(name = "cut {0}")
    @MethodSource("truncations")
    void refusesATruncatedFileWithTheParsersMessageAndPosition(String where, String truncated) {
        assertThatThrownBy(() -> readAll(truncated))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageMatching("malformed XML at line \\d+, column \\d+: .+");
    }

    @Test
    void handsOutTheItemsBeforeABadEntryThenRefusesAndClosesTheInput() {
        ClosingAwareStream input = new ClosingAwareStream(camt053(
                "08",
                HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts></Ntry>"
                        + "<Ntry><Amt Ccy=\"EUR\">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"));
        BankFileItems items = new CamtReader().open(input);

        assertThat(items.next()).isInstanceOf(FileHeader.class);
        assertThat(items.next()).isInstanceOf(StatementStart.class);
        assertThat(items.next()).isInstanceOf(Entry.class);
        assertThatThrownBy(items::next)
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("Ntry index 1");
        assertThat(input.closed).isTrue();
        assertThat(items.hasNext()).isFalse();
    }

    @Test
    void closesTheInputWhenItRefusesTheFileAtOnce() {
        ClosingAwareStream input = new ClosingAwareStream(camt053("09", HEAD));

        assertThatThrownBy(() -> new CamtReader().open(input)).isInstanceOf(UnreadableBankFileException.class);
        assertThat(input.closed).isTrue();
    }

    @Test
    void followsTheIteratorContract() {
        ClosingAwareStream input = new ClosingAwareStream(camt053("08", HEAD));
        try (BankFileItems items = new CamtReader().open(input)) {
            assertThat(items.hasNext()).isTrue();
            assertThat(items.hasNext()).isTrue();
            assertThat(items.next()).isInstanceOf(FileHeader.class);
            assertThat(items.next()).isInstanceOf(StatementStart.class);
            assertThat(items.next()).isInstanceOf(StatementEnd.class);
            assertThat(items.hasNext()).isFalse();
            assertThatThrownBy(items::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(input.closed).isTrue();
    }

    @Test
    void stopsReadingAndReleasesTheInputOnClose() {
        GeneratedStatement generated = new GeneratedStatement(1_000_000);
        ClosingAwareStream input = new ClosingAwareStream(generated);
        BankFileItems items = new CamtReader().open(input);
        items.next();
        items.next();
        items.next();

        items.close();

        assertThat(input.closed).isTrue();
        assertThat(items.hasNext()).isFalse();
    }

    // ---- streaming for real ----

    @Test
    void handsOutTheFirstEntryLongBeforeTheFileIsRead() {
        GeneratedStatement generated = new GeneratedStatement(100_000); // about 70 MB
        try (BankFileItems items = new CamtReader().open(generated)) {
            items.next();
            items.next();
            assertThat(items.next()).isInstanceOf(Entry.class);

            assertThat(generated.served()).isLessThan(64 * 1024);
        }
    }

    @Test
    void readsAStatementOf200000EntriesGeneratedAsItIsRead() {
        int entries = 200_000;
        GeneratedStatement generated = new GeneratedStatement(entries);
        List<Long> liveHeapMb = new ArrayList<>();
        liveHeapMb.add(liveHeapMb());
        long started = System.nanoTime();
        int counted = 0;
        BigDecimal total = BigDecimal.ZERO;
        StatementEnd statementEnd = null;
        long measuring = 0;
        try (BankFileItems items = new CamtReader().open(generated)) {
            while (items.hasNext()) {
                BankFileItem item = items.next();
                if (item instanceof Entry entry) {
                    assertThat(entry.index()).isEqualTo(counted);
                    counted++;
                    total = total.add(entry.amount());
                    if (counted % 50_000 == 0) {
                        long gcStarted = System.nanoTime();
                        liveHeapMb.add(liveHeapMb());
                        measuring += System.nanoTime() - gcStarted;
                    }
                } else if (item instanceof StatementEnd end) {
                    statementEnd = end;
                }
            }
        }
        double seconds = (System.nanoTime() - started - measuring) / 1e9;
        liveHeapMb.add(liveHeapMb());

        System.out.printf(
                "camt.053 of %,d entries (%,d MB, generated as read) read in %.2f s: %,.0f entries/s;"
                        + " live heap after GC at 0, 50k, 100k, 150k, 200k entries and after close: %s MB%n",
                counted, generated.served() / (1024 * 1024), seconds, counted / seconds, liveHeapMb);
        assertThat(counted).isEqualTo(entries);
        assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(entries));
        assertThat(statementEnd).isEqualTo(end(balance(entries + ".00", "EUR", "2026-04-01"), null));
    }

    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    // ---- helpers ----

    private static final String HEAD = "<Id>S-1</Id><Acct><Id><IBAN>" + COLLECTION + "</IBAN></Id></Acct>";
    private static final String AMOUNT = "<Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>";
    private static final String DOMAIN =
            "<Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>";

    // Line numbers in the messages: the declaration is line 1, Document 2, the message 3, GrpHdr 4, Stmt 5, its body 6.
    static String camt053(String version, String statementBody) {
        return camt("053", version, "BkToCstmrStmt", "Stmt", statementBody);
    }

    static String camt(String message, String version, String messageElement, String statementElement, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + document(message, version, messageElement, statementElement, body);
    }

    private static String documentBody(String version, String statementBody) {
        return document("053", version, "BkToCstmrStmt", "Stmt", statementBody);
    }

    private static String document(
            String message, String version, String messageElement, String statementElement, String body) {
        return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt." + message + ".001." + version + "\">\n"
                + "<" + messageElement + ">\n"
                + "<GrpHdr><MsgId>M-1</MsgId><CreDtTm>2026-04-01T10:00:00Z</CreDtTm></GrpHdr>\n"
                + "<" + statementElement + ">\n"
                + body + "\n"
                + "</" + statementElement + ">\n"
                + "</" + messageElement + ">\n"
                + "</Document>\n";
    }

    private static String bal(String type, String amount, String indicator, String date) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount + "</Amt>"
                + "<CdtDbtInd>" + indicator + "</CdtDbtInd><Dt>" + date + "</Dt></Bal>";
    }

    private static String entryAmount(String amount, String currency) {
        return camt053(
                "08",
                HEAD + "<Ntry><Amt Ccy=\"" + currency + "\">" + amount
                        + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>");
    }

    private static String entryWith(String element) {
        return camt053("08", HEAD + "<Ntry>" + AMOUNT + "<Sts>BOOK</Sts>" + element + "</Ntry>");
    }

    private static Arguments bad(String behaviour, String xml, String... fragments) {
        return Arguments.of(behaviour, xml, Arrays.asList(fragments));
    }

    private static Arguments sample(String file, List<BankFileItem> expected) {
        return Arguments.of(file, expected);
    }

    private static Entry onlyEntry(String xml) {
        return onlyEntry(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Entry onlyEntry(InputStream in) {
        List<Entry> entries = readAll(in).stream()
                .filter(Entry.class::isInstance)
                .map(Entry.class::cast)
                .toList();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Transaction onlyTransaction(String xml) {
        List<Transaction> transactions = onlyEntry(xml).transactions();
        assertThat(transactions).hasSize(1);
        return transactions.get(0);
    }

    static List<BankFileItem> readAll(String xml) {
        return readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<BankFileItem> readAll(InputStream in) {
        List<BankFileItem> items = new ArrayList<>();
        try (BankFileItems read = new CamtReader().open(in)) {
            read.forEachRemaining(items::add);
        }
        return items;
    }

    static InputStream sampleStream(String file) {
        return new ByteArrayInputStream(sampleBytes(file));
    }

    static byte[] sampleBytes(String file) {
        try (InputStream in = CamtReaderTests.class.getResourceAsStream("/bankfiles/camt/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** An input that remembers whether it was closed. */
    static final class ClosingAwareStream extends FilterInputStream {
        boolean closed;

        ClosingAwareStream(String xml) {
            this(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }

        ClosingAwareStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
