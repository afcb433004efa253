package io.crowdrecon.recon.bankfile.read;

import static io.crowdrecon.recon.bankfile.BankFileItem.Direction.CREDIT;
import static io.crowdrecon.recon.bankfile.BankFileItem.Direction.DEBIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import io.crowdrecon.recon.shared.CreditorReference;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.OrderId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Mt940ReaderTests {

    private static final String SAMPLES = "/bankfiles/mt940/";
    private static final String ACCOUNT = "DE89370400440532013000";

    private final Mt940Reader reader = new Mt940Reader();

    // ---------------------------------------------------------------- the sample files

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("german-dk.sta", germanDk()),
                Arguments.of("dutch-slash-keys.sta", dutchSlashKeys()),
                Arguments.of("free-text.sta", freeText()),
                Arguments.of("swift-blocks-two-messages.fin", swiftBlocksTwoMessages()),
                Arguments.of("reversal-debit-balance.sta", reversalDebitBalance()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsEachSampleToTheItemsItHolds(String sample, List<BankFileItem> expected) {
        assertThat(readAll(sample)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleStatementAddsUpFromOpeningToClosing(String sample, List<BankFileItem> expected) {
        // The directions the reader gives (RC a debit, RD a credit) are the ones the balances add up with.
        BigDecimal running = null;
        for (BankFileItem item : readAll(sample)) {
            if (item instanceof StatementStart start) {
                running = start.opening().amount();
            } else if (item instanceof Entry entry) {
                running = entry.direction() == CREDIT ? running.add(entry.amount()) : running.subtract(entry.amount());
            } else if (item instanceof StatementEnd end) {
                assertThat(running).isEqualByComparingTo(end.closing().amount());
            }
        }
        assertThat(running).isNotNull();
    }

    @Test
    void samplesCarryValidIbansOrderIdsAndCreditorReferences() {
        for (String sample : List.of("german-dk.sta", "dutch-slash-keys.sta", "free-text.sta")) {
            for (BankFileItem item : readAll(sample)) {
                if (item instanceof Entry entry) {
                    Transaction transaction = entry.transactions().get(0);
                    for (String iban : new String[] {transaction.debtorIban(), transaction.creditorIban()}) {
                        assertThat(iban == null || Iban.tryParse(iban).isPresent())
                                .as(iban)
                                .isTrue();
                    }
                    for (String reference : transaction.structuredReferences()) {
                        assertThat(CreditorReference.hasValidCheckDigits(reference))
                                .as(reference)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(List.of(
                        "TRX2024110500000192",
                        "TRX2024110500000289",
                        "TRX2024110500000386",
                        "TRX2024110500000483",
                        "TRX2024110500000580",
                        "TRX2024123100000656"))
                .allMatch(OrderId::isValid);
    }

    @Test
    void samplesComeInTheLineEndsBanksUse() throws IOException {
        assertThat(bytesOf("german-dk.sta")).contains("\r\n");
        assertThat(bytesOf("swift-blocks-two-messages.fin")).contains("\r\n");
        assertThat(bytesOf("dutch-slash-keys.sta")).doesNotContain("\r").contains("\n\n");
        assertThat(bytesOf("reversal-debit-balance.sta")).doesNotContain("\r");
    }

    private static List<BankFileItem> germanDk() {
        String id = "STARTUMS-241108";
        return List.of(
                new FileHeader(BankFileFormat.MT940, null, id, null),
                start(id, null, "37040044/0532013000", "EUR", 123L, 1, balance("10000.00", "EUR", "2024-11-04")),
                entry(
                        0,
                        CREDIT,
                        false,
                        "1100.00",
                        "EUR",
                        "2024-11-05",
                        "2024-11-05",
                        "2411050123456789",
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                "TRX2024110500000192",
                                null,
                                credit("Mario Rossi und Erika Mustermann", "DE44500105175407324931"),
                                List.of("Zeichnung Seed-Runde Order TRX2024110500000192 Mario Rossi"),
                                List.of(),
                                null,
                                null)),
                entry(
                        1,
                        DEBIT,
                        false,
                        "1000.00",
                        "EUR",
                        "2024-11-06",
                        "2024-11-06",
                        "2411060000000001",
                        "NTRF/116",
                        "SEPA-UEBERWEISUNG",
                        transaction(
                                "PI-2024-000123",
                                "PI-2024-000123",
                                debit("ACME Srl", "GB29NWBK60161331926819"),
                                List.of("Auszahlung Kampagne Seed ACME Srl"),
                                List.of(),
                                null,
                                null)),
                entry(
                        2,
                        CREDIT,
                        false,
                        "250.00",
                        "EUR",
                        "2024-11-07",
                        "2024-11-07",
                        "2411070000000077",
                        "NRTI/159",
                        "RETOURE",
                        transaction(
                                "PI-2024-000099",
                                null,
                                credit("Hans Beispiel", "DE18120300000012345678"),
                                List.of(
                                        "RETOURE SEPA UEBERWEISUNG VOM 04.11.2024 RUECKGABEGRUND AC04 KONTO AUFGELOEST"),
                                List.of(),
                                "AC04",
                                null)),
                entry(
                        3,
                        CREDIT,
                        false,
                        "480.50",
                        "EUR",
                        "2024-11-08",
                        "2024-11-08",
                        "2411080000000005",
                        "NTRF/051",
                        "UEBERWEISUNG",
                        // ?31 is an account number, not an IBAN.
                        transaction(
                                null,
                                null,
                                credit("Lieschen Mueller", null),
                                List.of("Rechnung 2024-117 Zahlung vom 08.11."),
                                List.of(),
                                null,
                                null)),
                entry(
                        4,
                        DEBIT,
                        false,
                        "12.90",
                        "EUR",
                        "2024-11-08",
                        "2024-11-08",
                        "2411080000000006",
                        "NCHG/805",
                        "ENTGELTABSCHLUSS",
                        transaction(null, null, none(), List.of("Kontofuehrung 10/2024"), List.of(), null, null)),
                new StatementEnd(balance("10817.60", "EUR", "2024-11-08"), balance("10817.60", "EUR", "2024-11-08")));
    }

    private static List<BankFileItem> dutchSlashKeys() {
        String id = "ABN AMRO BANK NV";
        String account = "NL02ABNA0123456789";
        return List.of(
                new FileHeader(BankFileFormat.MT940, null, id, null),
                start(id, account, null, "EUR", 31501L, 1, balance("5000.00", "EUR", "2024-11-05")),
                entry(
                        0,
                        CREDIT,
                        false,
                        "1100.00",
                        "EUR",
                        "2024-11-05",
                        "2024-11-05",
                        null,
                        "N654",
                        "SEPA OVERBOEKING",
                        transaction(
                                "NOTPROVIDED",
                                null,
                                credit("J. Jansen", "NL91ABNA0417164300"),
                                List.of("Order TRX2024110500000289 inschrijving Seed"),
                                List.of(),
                                null,
                                null)),
                entry(
                        1,
                        CREDIT,
                        false,
                        "2200.00",
                        "EUR",
                        "2024-11-05",
                        "2024-11-05",
                        null,
                        "N654",
                        "SEPA OVERBOEKING",
                        transaction(
                                "E2E-20241105-0002",
                                null,
                                credit("P. de Vries", "NL44RABO0123456789"),
                                List.of(),
                                List.of("RF11TRX2024110500000386"),
                                null,
                                null)),
                entry(
                        2,
                        DEBIT,
                        false,
                        "1000.00",
                        "EUR",
                        "2024-11-05",
                        "2024-11-05",
                        null,
                        "N658",
                        "SEPA OVERBOEKING",
                        transaction(
                                "PI-2024-000125",
                                "PI-2024-000125",
                                debit("ACME Srl", "IT60X0542811101000000123456"),
                                List.of("Uitbetaling campagne Seed"),
                                List.of(),
                                null,
                                null)),
                new StatementEnd(balance("7300.00", "EUR", "2024-11-05"), null),
                start(id, account, null, "EUR", 31601L, 1, balance("7300.00", "EUR", "2024-11-05")),
                entry(
                        0,
                        CREDIT,
                        false,
                        "500.00",
                        "EUR",
                        "2024-11-06",
                        "2024-11-06",
                        "RT2411060001",
                        "N659",
                        "SEPA OVERBOEKING RETOUR",
                        transaction(
                                "PI-2024-000098",
                                null,
                                credit("K. Bakker", "NL20INGB0001234567"),
                                List.of("Terugboeking betaling"),
                                List.of(),
                                "MS03",
                                null)),
                entry(
                        1,
                        CREDIT,
                        false,
                        "75.00",
                        "EUR",
                        "2024-11-06",
                        "2024-11-06",
                        null,
                        "N654",
                        "SEPA OVERBOEKING",
                        transaction(
                                "NOTPROVIDED",
                                null,
                                credit("Jan Peeters", "BE68539007547034"),
                                List.of("TRX2024110500000580"),
                                List.of(),
                                null,
                                null)),
                new StatementEnd(balance("7875.00", "EUR", "2024-11-06"), null));
    }

    private static List<BankFileItem> freeText() {
        String id = "GB-STMT-0001";
        return List.of(
                new FileHeader(BankFileFormat.MT940, null, id, null),
                start(id, null, "NWBKGB2L/60161331926819", "GBP", 1L, 1, balance("5000.00", "GBP", "2024-12-31")),
                // Booked on 2 January, value 31 December: the entry date takes the next year.
                entry(
                        0,
                        CREDIT,
                        false,
                        "750.00",
                        "GBP",
                        "2025-01-02",
                        "2024-12-31",
                        "GB24123100001",
                        "NTRF",
                        null,
                        transaction(
                                null,
                                "PAYREF1",
                                none(),
                                List.of("Subscription TRX2024123100000656 from JOHN SMITH Ref 12345"),
                                List.of(),
                                null,
                                null)),
                // Booked on 31 December, value 2 January: the entry date takes the year before.
                entry(
                        1,
                        DEBIT,
                        false,
                        "20.00",
                        "GBP",
                        "2024-12-31",
                        "2025-01-02",
                        "CHG0001",
                        "NCHG",
                        null,
                        transaction(null, null, none(), List.of("Account maintenance fee"), List.of(), null, null)),
                // No entry date, no bank reference, no :86:.
                entry(
                        2,
                        CREDIT,
                        false,
                        "99.5",
                        "GBP",
                        "2025-01-02",
                        "2025-01-02",
                        null,
                        "NTRF",
                        null,
                        transaction(null, null, none(), List.of(), List.of(), null, null)),
                new StatementEnd(balance("5829.50", "GBP", "2025-01-02"), null));
    }

    private static List<BankFileItem> swiftBlocksTwoMessages() {
        return List.of(
                new FileHeader(BankFileFormat.MT940, null, "STMT241108-1", null),
                start("STMT241108-1", ACCOUNT, null, "EUR", 200L, 1, balance("2000.00", "EUR", "2024-11-07")),
                entry(
                        0,
                        CREDIT,
                        false,
                        "1100.00",
                        "EUR",
                        "2024-11-08",
                        "2024-11-08",
                        "DB24110800001",
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                "NOTPROVIDED",
                                null,
                                credit("Mario Rossi", "IT60X0542811101000000123456"),
                                List.of("TRX2024110500000483"),
                                List.of(),
                                null,
                                null)),
                new StatementEnd(balance("3100.00", "EUR", "2024-11-08"), null),
                start("STMT241108-2", ACCOUNT, null, "EUR", 200L, 2, balance("3100.00", "EUR", "2024-11-08")),
                entry(
                        0,
                        DEBIT,
                        false,
                        "300.00",
                        "EUR",
                        "2024-11-08",
                        "2024-11-08",
                        "DB24110800002",
                        "NTRF/116",
                        "SEPA-UEBERWEISUNG",
                        transaction(
                                "PI-2024-000124",
                                "PI-2024-000124",
                                debit("ACME Srl", "GB29NWBK60161331926819"),
                                List.of("Payout Seed"),
                                List.of(),
                                null,
                                null)),
                new StatementEnd(balance("2800.00", "EUR", "2024-11-08"), balance("2800.00", "EUR", "2024-11-08")));
    }

    private static List<BankFileItem> reversalDebitBalance() {
        String id = "REV-0001";
        String account = "IT60X0542811101000000123456";
        return List.of(
                new FileHeader(BankFileFormat.MT940, null, id, null),
                start(id, account, null, "EUR", 7L, 1, balance("-150.00", "EUR", "2024-11-08")),
                simple(0, CREDIT, false, "100.00", "R1", "NTRF", List.of("Bonifico in entrata"), null),
                // RC reverses a credit: the money goes out again.
                simple(1, DEBIT, true, "100.00", "R2", "NTRF", List.of("Storno bonifico in entrata"), null),
                simple(2, DEBIT, false, "50.00", "R3", "NMSC", List.of(), null),
                // RD reverses a debit: the money comes back.
                simple(3, CREDIT, true, "50.00", "R4", "NMSC", List.of(), null),
                simple(4, DEBIT, false, "75.25", "R5", "NCHG", List.of("Commissioni"), "/OCMT/EUR75,25/"),
                new StatementEnd(balance("-225.25", "EUR", "2024-11-08"), null));
    }

    private static Entry simple(
            int index,
            Direction direction,
            boolean reversal,
            String amount,
            String bankReference,
            String code,
            List<String> unstructured,
            String supplementary) {
        return entry(
                index,
                direction,
                reversal,
                amount,
                "EUR",
                "2024-11-08",
                "2024-11-08",
                bankReference,
                code,
                null,
                transaction(null, null, none(), unstructured, List.of(), null, supplementary));
    }

    // ---------------------------------------------------------------- the three families of :86:

    static Stream<Arguments> informationToAccountOwner() {
        return Stream.of(
                // German DK structured
                info(
                        "DK: a SEPA credit's end-to-end id, remittance, debtor and its IBAN",
                        "C",
                        List.of(
                                "166?00SEPA-GUTSCHRIFT?109310?20EREF+E2E-1?21SVWZ+Order TRX202411050000",
                                "0192?30COBADEFFXXX?31DE44500105175407324931?32Mario Rossi"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                "E2E-1",
                                null,
                                credit("Mario Rossi", "DE44500105175407324931"),
                                List.of("Order TRX2024110500000192"),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: the counterparty of a debit is its creditor",
                        "D",
                        List.of("116?00SEPA-UEBERWEISUNG?20SVWZ+Payout?31GB29NWBK60161331926819?32ACME Srl"),
                        "NTRF/116",
                        "SEPA-UEBERWEISUNG",
                        transaction(
                                null,
                                null,
                                debit("ACME Srl", "GB29NWBK60161331926819"),
                                List.of("Payout"),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: an identifier's value runs on over the purpose lines, joined without a separator",
                        "C",
                        List.of(
                                "166?00SEPA-GUTSCHRIFT?20EREF+E2E-2024-11-05-ABCD",
                                "EFG?21HIJ?22SVWZ+Zeichnung Seed-Runde Or?23der TRX20241105000001",
                                "92 Mario R?24ossi?25KREF+K1"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                "E2E-2024-11-05-ABCDEFGHIJ",
                                null,
                                none(),
                                List.of("Zeichnung Seed-Runde Order TRX2024110500000192 Mario Rossi"),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: a subfield mark cut by the line end",
                        "C",
                        List.of("166?00SEPA-GUTSCHRIFT?2", "0SVWZ+Rent?", "32Anna Weber"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(null, null, credit("Anna Weber", null), List.of("Rent"), List.of(), null, null)),
                info(
                        "DK: purpose lines ?60 to ?63 continue ?20 to ?29",
                        "C",
                        List.of(
                                "166?00SEPA-GUTSCHRIFT?20SVWZ+aaaaaaaaaaaaaaaaaaaaaa?21bbbbbbbbbbbbbbbbbbbbbbbbbbb",
                                "?29ccc?32X?60ddd?61eee"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                null,
                                null,
                                credit("X", null),
                                List.of("aaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbcccdddeee"),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: text before any identifier is the purpose text",
                        "C",
                        List.of("051?00UEBERWEISUNG?20Rechnung 2024-117 Zahlung v?21om 08.11.?32Lieschen Mueller"),
                        "NTRF/051",
                        "UEBERWEISUNG",
                        transaction(
                                null,
                                null,
                                credit("Lieschen Mueller", null),
                                List.of("Rechnung 2024-117 Zahlung vom 08.11."),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: SVWZ is the remittance even with purpose text before it",
                        "C",
                        List.of("166?00SEPA-GUTSCHRIFT?20Vorab?21EREF+NOTPROVIDED?22SVWZ+Invoice 42"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction("NOTPROVIDED", null, none(), List.of("Invoice 42"), List.of(), null, null)),
                info(
                        "DK: ?32 and ?33 make one name, cut mid-word",
                        "C",
                        List.of("166?00SEPA-GUTSCHRIFT?32Mario Rossi und Erika Muste?33rmann"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                null,
                                null,
                                credit("Mario Rossi und Erika Mustermann", null),
                                List.of(),
                                List.of(),
                                null,
                                null)),
                info(
                        "DK: an account number in ?31 is no IBAN; IBAN+ in the purpose lines is",
                        "C",
                        List.of("166?00SEPA-GUTSCHRIFT?20IBAN+DE18120300000012345678?21BIC+BYLADEM1001?310012345678"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(
                                null, null, credit(null, "DE18120300000012345678"), List.of(), List.of(), null, null)),
                info(
                        "DK: a return says so in ?00 and gives its reason in the text",
                        "C",
                        List.of(
                                "159?00RETOURE?20EREF+PI-9?21SVWZ+RUECKGABEGRUND AM0",
                                "5 DOPPELTE ZAHLUNG?32Hans Beispiel"),
                        "NTRF/159",
                        "RETOURE",
                        transaction(
                                "PI-9",
                                null,
                                credit("Hans Beispiel", null),
                                List.of("RUECKGABEGRUND AM05 DOPPELTE ZAHLUNG"),
                                List.of(),
                                "AM05",
                                null)),
                info(
                        "DK: a return with its reason after RTRN",
                        "D",
                        List.of("109?00SEPA RUECKLASTSCHRIFT?20SVWZ+RTRN MS03 SONSTIGE GRUENDE"),
                        "NTRF/109",
                        "SEPA RUECKLASTSCHRIFT",
                        transaction(
                                null, null, none(), List.of("RTRN MS03 SONSTIGE GRUENDE"), List.of(), "MS03", null)),
                info(
                        "DK: a return without a reason code is a narrative one",
                        "C",
                        List.of("159?00Rückgabe?20SVWZ+Konto unbekannt"),
                        "NTRF/159",
                        "Rückgabe",
                        transaction(null, null, none(), List.of("Konto unbekannt"), List.of(), "NARR", null)),
                info(
                        "DK: a reason code in a text that is no return is no return",
                        "C",
                        List.of("166?00SEPA-GUTSCHRIFT?20SVWZ+Referenz AC04"),
                        "NTRF/166",
                        "SEPA-GUTSCHRIFT",
                        transaction(null, null, none(), List.of("Referenz AC04"), List.of(), null, null)),
                // Slash-keyed (Dutch and others)
                info(
                        "slash keys: a credit's debtor, unstructured remittance and NOTPROVIDED end-to-end id",
                        "C",
                        List.of(
                                "/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/",
                                "J. Jansen/REMI/USTD//Order TRX2024110500000289/EREF/NOTPROVIDED"),
                        "NTRF",
                        "SEPA OVERBOEKING",
                        transaction(
                                "NOTPROVIDED",
                                null,
                                credit("J. Jansen", "NL91ABNA0417164300"),
                                List.of("Order TRX2024110500000289"),
                                List.of(),
                                null,
                                null)),
                info(
                        "slash keys: a structured remittance is a creditor reference",
                        "C",
                        List.of("/TRTP/SEPA OVERBOEKING/REMI/STRD/CUR/RF11TRX2024110500000386/EREF/E2E-2/"),
                        "NTRF",
                        "SEPA OVERBOEKING",
                        transaction("E2E-2", null, none(), List.of(), List.of("RF11TRX2024110500000386"), null, null)),
                info(
                        "slash keys: a return's reason",
                        "C",
                        List.of("/RTRN/MS03/TRTP/SEPA OVERBOEKING/NAME/K. Bakker/EREF/PI-7"),
                        "NTRF",
                        "SEPA OVERBOEKING",
                        transaction("PI-7", null, credit("K. Bakker", null), List.of(), List.of(), "MS03", null)),
                info(
                        "slash keys: a return said in TRTP with its code in the text",
                        "C",
                        List.of("/TRTP/SEPA OVERBOEKING RETOUR/REMI/USTD//Reden AC04 rekening opgeheven/"),
                        "NTRF",
                        "SEPA OVERBOEKING RETOUR",
                        transaction(
                                null, null, none(), List.of("Reden AC04 rekening opgeheven"), List.of(), "AC04", null)),
                info(
                        "slash keys: BENM names the creditor of a debit",
                        "D",
                        List.of("/TRTP/SEPA OVERBOEKING/BENM//NAME/ACME Srl//IBAN/IT60X0542811101000000123456/CSID/X/"),
                        "NTRF",
                        "SEPA OVERBOEKING",
                        transaction(
                                null,
                                null,
                                debit("ACME Srl", "IT60X0542811101000000123456"),
                                List.of(),
                                List.of(),
                                null,
                                null)),
                info(
                        "slash keys: ORDP names the debtor, ID and MARF are read past",
                        "C",
                        List.of("/EREF/E-1/ORDP//NAME/Jan Peeters/ID/BE-ORD-42/MARF/M-1/REMI/Payment"),
                        "NTRF",
                        null,
                        transaction(
                                "E-1", null, credit("Jan Peeters", null), List.of("Payment"), List.of(), null, null)),
                info(
                        "slash keys: ING's CNTP holds IBAN, BIC, name and city",
                        "C",
                        List.of("/EREF/E-3//CNTP/NL20INGB0001234567/INGBNL2A/W. de Boer/Utrecht/REMI/USTD//Order 9/"),
                        "NTRF",
                        null,
                        transaction(
                                "E-3",
                                null,
                                credit("W. de Boer", "NL20INGB0001234567"),
                                List.of("Order 9"),
                                List.of(),
                                null,
                                null)),
                info(
                        "slash keys: a key cut by the line end",
                        "C",
                        List.of("/TRTP/SEPA OVERBOEKING/RE", "MI/USTD//Invoice 7/E", "REF/E-4"),
                        "NTRF",
                        "SEPA OVERBOEKING",
                        transaction("E-4", null, none(), List.of("Invoice 7"), List.of(), null, null)),
                // Free text
                info(
                        "free text: the lines joined with a space",
                        "C",
                        List.of("Subscription TRX2024123100000656", "from JOHN SMITH  ", " Ref 12345"),
                        "NTRF",
                        null,
                        transaction(
                                null,
                                null,
                                none(),
                                List.of("Subscription TRX2024123100000656 from JOHN SMITH Ref 12345"),
                                List.of(),
                                null,
                                null)),
                info(
                        "free text: a line starting with a brace is text, not a SWIFT block",
                        "C",
                        List.of("Payment", "{ref 42}"),
                        "NTRF",
                        null,
                        transaction(null, null, none(), List.of("Payment {ref 42}"), List.of(), null, null)),
                info(
                        "free text: digits first without ?-subfields",
                        "C",
                        List.of("123 Main Street payment"),
                        "NTRF",
                        null,
                        transaction(null, null, none(), List.of("123 Main Street payment"), List.of(), null, null)),
                info(
                        "free text: a slash first without a known key",
                        "D",
                        List.of("/ABC/ card payment"),
                        "NTRF",
                        null,
                        transaction(null, null, none(), List.of("/ABC/ card payment"), List.of(), null, null)),
                info(
                        "free text: no word of it is taken for a return",
                        "C",
                        List.of("RETURN OF GOODS AC04"),
                        "NTRF",
                        null,
                        transaction(null, null, none(), List.of("RETURN OF GOODS AC04"), List.of(), null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("informationToAccountOwner")
    void readsWhatTheInformationToAccountOwnerSays(
            String behaviour,
            String mark,
            List<String> information,
            String bankTransactionCode,
            String bookingText,
            Transaction expected) {
        Entry entry = onlyEntry(
                statement(":61:2411081108" + mark + "10,00NTRFNONREF//B1", ":86:" + String.join("\r\n", information)));

        assertThat(entry.bankTransactionCode()).isEqualTo(bankTransactionCode);
        assertThat(entry.additionalInfo()).isEqualTo(bookingText);
        assertThat(entry.transactions()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "ISO-8859-1"})
    void readsUmlautsInTheCharsetTheBankWroteThemIn(String charset) {
        String file =
                statement(":61:2411081108C10,00NTRFNONREF", ":86:166?00SEPA-GUTSCHRIFT?20SVWZ+Gebühr?32Jürgen Müßig");

        Entry entry = onlyEntry(file.getBytes(java.nio.charset.Charset.forName(charset)));

        assertThat(entry.transactions().get(0).debtorName()).isEqualTo("Jürgen Müßig");
        assertThat(entry.transactions().get(0).unstructured()).containsExactly("Gebühr");
    }

    // ---------------------------------------------------------------- :61: and :25:

    static Stream<Arguments> statementLines() {
        return Stream.of(
                Arguments.of(
                        "entry date, funds code, owner and bank references, supplementary details",
                        ":61:2411081109CR1234,56NTRFKREF-1//BANK-1\r\n/OCMT/EUR1234,56/",
                        Map.of(
                                "direction",
                                CREDIT,
                                "reversal",
                                false,
                                "amount",
                                new BigDecimal("1234.56"),
                                "bookingDate",
                                LocalDate.of(2024, 11, 9),
                                "valueDate",
                                LocalDate.of(2024, 11, 8),
                                "reference",
                                "BANK-1",
                                "code",
                                "NTRF",
                                "instruction",
                                "KREF-1",
                                "supplementary",
                                "/OCMT/EUR1234,56/")),
                Arguments.of(
                        "no entry date: booked on the value date",
                        ":61:241108D5,NMSCNONREF",
                        Map.of(
                                "direction",
                                DEBIT,
                                "amount",
                                new BigDecimal("5"),
                                "bookingDate",
                                LocalDate.of(2024, 11, 8),
                                "code",
                                "NMSC")),
                Arguments.of(
                        "a SWIFT transfer type S and a funds code after RD",
                        ":61:2411081108RDR7,5S103REF//B",
                        Map.of("direction", CREDIT, "reversal", true, "amount", new BigDecimal("7.5"), "code", "S103")),
                Arguments.of(
                        "an entry date on 29 February takes the leap year",
                        ":61:2403010229C1,00NTRFNONREF",
                        Map.of("bookingDate", LocalDate.of(2024, 2, 29), "valueDate", LocalDate.of(2024, 3, 1))),
                Arguments.of("a first-class transfer type F", ":61:241108C1,00FCHKNONREF", Map.of("code", "FCHK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementLines")
    void readsTheStatementLine(String behaviour, String line61, Map<String, Object> expected) {
        Entry entry = onlyEntry(statement(line61));
        Transaction transaction = entry.transactions().get(0);

        Map<String, Object> actual = new java.util.HashMap<>();
        actual.put("direction", entry.direction());
        actual.put("reversal", entry.reversal());
        actual.put("amount", entry.amount());
        actual.put("bookingDate", entry.bookingDate());
        actual.put("valueDate", entry.valueDate());
        actual.put("reference", entry.accountServicerReference());
        actual.put("code", entry.bankTransactionCode());
        actual.put("instruction", transaction.instructionId());
        actual.put("supplementary", transaction.additionalInfo());
        assertThat(actual).containsAllEntriesOf(expected);
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.currency()).isEqualTo("EUR");
    }

    static Stream<Arguments> accounts() {
        return Stream.of(
                Arguments.of(":25:DE89370400440532013000", ACCOUNT, null),
                Arguments.of(":25:NL20INGB0001234567EUR", "NL20INGB0001234567", null),
                Arguments.of(":25:NL20INGB0001234567 EUR", "NL20INGB0001234567", null),
                Arguments.of(":25:COBADEFFXXX/DE89370400440532013000", ACCOUNT, null),
                Arguments.of(":25P:DE89370400440532013000\r\nCOBADEFFXXX", ACCOUNT, null),
                Arguments.of(":25:37040044/0532013000", null, "37040044/0532013000"),
                Arguments.of(":25:NWBKGB2L/60161331926819", null, "NWBKGB2L/60161331926819"),
                Arguments.of(":25:DE89370400440532013001", null, "DE89370400440532013001"),
                Arguments.of(":25:de89370400440532013000", null, "de89370400440532013000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void readsTheAccountAsAnIbanOnlyWhenItIsOne(String field25, String iban, String other) {
        String file = ":20:S1\r\n" + field25 + "\r\n:60F:C241108EUR0,\r\n:62F:C241108EUR0,\r\n";

        StatementStart start =
                (StatementStart) items(file.getBytes(StandardCharsets.UTF_8)).get(1);

        assertThat(start.accountIban()).isEqualTo(iban);
        assertThat(start.accountOther()).isEqualTo(other);
    }

    @Test
    void readsMessagesWithoutPagesBlankLinesAndBankHeadersAndWithoutATrailingDash() {
        String file = "\r\n:940:\r\n:20:A\r\n:21:NONREF\r\n:25:" + ACCOUNT + "\r\n:28C:5\r\n:60F:C241108EUR1,00\r\n"
                + ":62F:C241108EUR1,00\r\n-\r\n\r\n\r\n:20:B\r\n:25:" + ACCOUNT + "\r\n:60M:C241108EUR1,00\r\n"
                + ":62M:D241108EUR0,00\r\n:65:C241109EUR1,00\r\n:65:C241110EUR1,00\r\n";

        List<BankFileItem> items = items(file.getBytes(StandardCharsets.UTF_8));

        assertThat(items)
                .containsExactly(
                        new FileHeader(BankFileFormat.MT940, null, "A", null),
                        start("A", ACCOUNT, null, "EUR", 5L, null, balance("1.00", "EUR", "2024-11-08")),
                        new StatementEnd(balance("1.00", "EUR", "2024-11-08"), null),
                        start("B", ACCOUNT, null, "EUR", null, null, balance("1.00", "EUR", "2024-11-08")),
                        new StatementEnd(balance("0.00", "EUR", "2024-11-08"), null));
    }

    @Test
    void readsAUtf8ByteOrderMark() {
        byte[] file = ("\uFEFF" + statement(":61:241108C1,00NTRFNONREF")).getBytes(StandardCharsets.UTF_8);

        assertThat(items(file).get(0)).isEqualTo(new FileHeader(BankFileFormat.MT940, null, "S1", null));
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> badInput() {
        String header = ":20:S1\n:25:" + ACCOUNT + "\n:28C:1/1\n:60F:C241108EUR100,00\n";
        return Stream.of(
                bad("an empty file", "", "MT940, line 0: the input holds no MT940 statement"),
                bad("blank lines only", "\r\n\r\n", "MT940, line 2: the input holds no MT940 statement"),
                bad(
                        "text that is no MT940",
                        "Dear customer,\nyour statement is attached.\n",
                        "MT940, line 1: 'Dear customer,' belongs to no MT940 field (a field starts with :tag:)"),
                bad(
                        "a missing :20:",
                        ":25:" + ACCOUNT + "\n:60F:C241108EUR1,00\n:62F:C241108EUR1,00\n-\n",
                        "MT940 statement 1, line 1: the statement starts with :25: instead of its reference :20:"),
                bad(
                        "a missing :20: in the second message",
                        header + ":62F:C241108EUR100,00\n-\n:25:" + ACCOUNT + "\n:60F:C241108EUR1,00\n",
                        "MT940 statement 2, line 7: the statement starts with :25: instead of its reference :20:"),
                bad("an empty :20:", ":20:\n:25:" + ACCOUNT + "\n", "MT940 statement 1, line 1: :20: is empty"),
                bad(
                        "a missing :25:",
                        ":20:S1\n:28C:1/1\n:60F:C241108EUR1,00\n:62F:C241108EUR1,00\n",
                        "MT940 statement 1 (:20: S1), line 3: no account :25: before the opening balance"),
                bad(
                        "a missing :60F:",
                        ":20:S1\n:25:" + ACCOUNT + "\n:61:241108C1,00NTRFNONREF\n:62F:C241108EUR1,00\n",
                        "MT940 statement 1 (:20: S1), line 3: no opening balance :60F: before :61:"),
                bad(
                        "a message that ends before its opening balance",
                        ":20:S1\n:25:" + ACCOUNT + "\n-\n",
                        "MT940 statement 1 (:20: S1), line 3: no opening balance :60F: before the statement ends"),
                bad(
                        "a missing :62F: before the next statement",
                        header + ":61:241108C1,00NTRFNONREF\n:20:S2\n",
                        "MT940 statement 1 (:20: S1), line 6: no closing balance :62F: before the next statement's :20:"),
                bad(
                        "a missing :62F: at the end of the message",
                        header + ":61:241108C1,00NTRFNONREF\n-\n",
                        "MT940 statement 1 (:20: S1), line 6: no closing balance :62F: before the statement ends"),
                bad(
                        "a file cut after a statement line",
                        header + ":61:241108C1,00NTRFNONREF\n:86:SEPA credit fr",
                        "MT940 statement 1 (:20: S1), line 6: no closing balance :62F: before the input ends (truncated?)"),
                bad(
                        "a file cut in its closing balance",
                        header + ":62F:C2411",
                        "MT940 statement 1 (:20: S1), line 5: :62F: 'C2411' is not a balance: no date YYMMDD"),
                bad(
                        "a SWIFT message cut before its -}",
                        "{1:F01X}{2:O940}{4:\n" + header + ":62F:C241108EUR100,00\n",
                        "MT940 statement 1 (:20: S1), line 6: the input ends inside the message's text block {4: (no -})"),
                bad(
                        "a SWIFT message not closed before the next one",
                        "{1:F01X}{2:O940}{4:\n" + header + ":62F:C241108EUR100,00\n{1:F01X}{2:O940}{4:\n",
                        "MT940 statement 1 (:20: S1), line 7: a SWIFT message begins before the previous one's text"
                                + " block is closed by -}"),
                bad(
                        "an MT942 in SWIFT blocks",
                        "{1:F01X}{2:O942}{4:\n",
                        "MT940, line 1: a SWIFT MT942 message, not an MT940"),
                bad(
                        "an MT942 without blocks",
                        ":20:S1\n:25:" + ACCOUNT + "\n:28C:1/1\n:34F:EUR0,\n",
                        "MT940 statement 1 (:20: S1), line 4: :34F: belongs to an MT942 interim report, not an MT940"
                                + " statement"),
                bad(
                        "a :61: with an impossible value date",
                        header + ":61:241332C1,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '241332' is no date YYMMDD"),
                bad(
                        "a :61: with a date of 8 digits",
                        header + ":61:24110811C1,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '24110811C1,00NTRFNONREF' is not a statement"
                                + " line: no value date YYMMDD and optional entry date MMDD before the mark"),
                bad(
                        "a :61: without a debit/credit mark",
                        header + ":61:2411081,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '2411081,00NTRFNONREF' is not a statement line:"
                                + " no value date YYMMDD and optional entry date MMDD before the mark"),
                bad(
                        "a :61: with an expected entry (MT942's EC)",
                        header + ":61:241108EC1,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '241108EC1,00NTRFNONREF' is not a statement"
                                + " line: no debit/credit mark C, D, RC or RD"),
                bad(
                        "a :61: with a decimal point",
                        header + ":61:241108C1.00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '241108C1.00NTRFNONREF' is not a statement line:"
                                + " no amount with a decimal comma such as 1234,56 after the mark"),
                bad(
                        "a :61: without an amount",
                        header + ":61:241108CNTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '241108CNTRFNONREF' is not a statement line:"
                                + " 'NTRFNONREF' where the amount should be"),
                bad(
                        "a :61: without a transaction type",
                        header + ":61:241108C1,00\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '241108C1,00' is not a statement line: no"
                                + " transaction type such as NTRF after the amount"),
                bad(
                        "a :61: with an impossible entry date",
                        header + ":61:2411081332C1,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: '2411081332C1,00NTRFNONREF' is not a statement"
                                + " line: entry date '1332' is no date MMDD"),
                bad(
                        "an amount with more decimals than EUR has",
                        header + ":61:241108C1,001NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 5: :61: amount 1,001 has more decimals than EUR's 2"),
                bad(
                        "a balance with more decimals than JPY has",
                        ":20:S1\n:25:" + ACCOUNT + "\n:60F:C241108JPY100,5\n",
                        "MT940 statement 1 (:20: S1), line 3: :60F: amount 100,5 has more decimals than JPY's 0"),
                bad(
                        "a balance in no currency",
                        ":20:S1\n:25:" + ACCOUNT + "\n:60F:C241108XYZ100,\n",
                        "MT940 statement 1 (:20: S1), line 3: :60F: 'C241108XYZ100,' is not a balance: 'XYZ' is no"
                                + " ISO 4217 currency"),
                bad(
                        "a balance without a mark",
                        ":20:S1\n:25:" + ACCOUNT + "\n:60F:241108EUR100,\n",
                        "MT940 statement 1 (:20: S1), line 3: :60F: '241108EUR100,' is not a balance: no debit/credit"
                                + " mark C or D"),
                bad(
                        "a closing balance in another currency",
                        header + ":62F:C241108USD100,00\n",
                        "MT940 statement 1 (:20: S1), line 5: :62F: is in USD, the opening balance in EUR"),
                bad(
                        "a statement number that is no number",
                        ":20:S1\n:25:" + ACCOUNT + "\n:28C:12a/3\n",
                        "MT940 statement 1 (:20: S1), line 3: :28C: '12a/3' is not a statement number with an optional"
                                + " page such as 00123/001"),
                bad(
                        "a statement number with an empty page",
                        ":20:S1\n:25:" + ACCOUNT + "\n:28C:1/\n",
                        "MT940 statement 1 (:20: S1), line 3: :28C: '1/' is not a statement number with an optional"
                                + " page such as 00123/001"),
                bad(
                        "a :86: with no :61:",
                        header + ":86:Info\n:62F:C241108EUR100,00\n",
                        "MT940 statement 1 (:20: S1), line 5: :86: follows no statement line :61:"),
                bad(
                        "a second :25:",
                        ":20:S1\n:25:" + ACCOUNT + "\n:25:" + ACCOUNT + "\n",
                        "MT940 statement 1 (:20: S1), line 3: a second account :25:"),
                bad(
                        "a :61: after the closing balance",
                        header + ":62F:C241108EUR100,00\n:61:241108C1,00NTRFNONREF\n",
                        "MT940 statement 1 (:20: S1), line 6: :61: after the closing balance (a new statement begins"
                                + " with :20:)"),
                bad(
                        "a field no MT940 has",
                        header + ":99:what\n",
                        "MT940 statement 1 (:20: S1), line 5: :99: among the statement lines"),
                bad(
                        "a NUL character",
                        header + ":61:241108C1,00NTRF\u0000\n",
                        "MT940 statement 1 (:20: S1), line 5: a NUL character: not an MT940 file"),
                bad(
                        "a line without end",
                        header + "x".repeat(Mt940Lines.MAX_LINE_BYTES + 1),
                        "MT940 statement 1 (:20: S1), line 5: a line longer than 8192 bytes: not an MT940 file"),
                bad(
                        "a field without end",
                        header + ":61:241108C1,00NTRFNONREF\n:86:x\n"
                                + "y".repeat(100).concat("\n").repeat(700),
                        "MT940 statement 1 (:20: S1), line 662: field :86: of line 6 is longer than 65536"
                                + " characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesBadInputNamingTheStatementAndLine(String behaviour, String file, String reason) {
        assertThatThrownBy(() -> items(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessage(reason);
    }

    @Test
    void givesTheItemsBeforeTheFirstFaultThenTheFault() {
        String file = ":20:S1\n:25:" + ACCOUNT + "\n:60F:C241108EUR1,00\n:61:241108C1,00NTRFNONREF\n"
                + ":61:241108C1,0x0NTRFNONREF\n";
        List<BankFileItem> read = new ArrayList<>();

        try (BankFileItems items = reader.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> {
                        while (items.hasNext()) {
                            read.add(items.next());
                        }
                    })
                    .isInstanceOf(UnreadableBankFileException.class)
                    .hasMessageContaining("line 5");
            assertThat(items.hasNext()).isFalse();
        }
        assertThat(read).hasSize(3).last().isInstanceOf(Entry.class);
    }

    @Test
    void anInputThatCannotBeReadIsNoFaultOfTheFile() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };

        try (BankFileItems items = reader.open(failing)) {
            assertThatThrownBy(items::hasNext).isInstanceOf(UncheckedIOException.class);
        }
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void readsOnlyAsFarAsItIsAsked() {
        GeneratedStatement file = new GeneratedStatement(100_000);

        try (BankFileItems items = reader.open(file)) {
            for (int i = 0; i < 5; i++) {
                items.next();
            }
        }

        // Five items in, the reader has pulled one buffer of a ~20 MB file, not the file.
        assertThat(file.produced()).isLessThan(256 * 1024);
        assertThat(file.closed).isTrue();
    }

    @Test
    void readsAStatementOfOneHundredThousandEntriesOneAtATime() {
        int entries = 100_000;
        GeneratedStatement file = new GeneratedStatement(entries);
        Runtime runtime = Runtime.getRuntime();
        long started = System.nanoTime();
        int count = 0;
        long heapAfterFirstTenThousand = 0;
        BigDecimal sum = BigDecimal.ZERO;
        StatementEnd end = null;

        try (BankFileItems items = reader.open(file)) {
            while (items.hasNext()) {
                BankFileItem item = items.next();
                if (item instanceof Entry entry) {
                    assertThat(entry.index()).isEqualTo(count);
                    sum = sum.add(entry.amount());
                    count++;
                    if (count == 10_000) {
                        heapAfterFirstTenThousand = usedHeapAfterGc(runtime);
                    }
                } else if (item instanceof StatementEnd statementEnd) {
                    end = statementEnd;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long heapAtEnd = usedHeapAfterGc(runtime);

        assertThat(count).isEqualTo(entries);
        assertThat(end).isNotNull();
        assertThat(end.closing().amount()).isEqualByComparingTo(sum);
        System.out.printf(
                "Mt940Reader: %,d entries (%,d bytes) in %,d ms = %,d entries/s; heap used after GC: %,d KB after"
                        + " 10,000 entries, %,d KB after %,d%n",
                count,
                file.produced(),
                millis,
                millis == 0 ? 0 : count * 1000L / millis,
                heapAfterFirstTenThousand / 1024,
                heapAtEnd / 1024,
                count);
    }

    private static long usedHeapAfterGc(Runtime runtime) {
        // A measurement for the report, not an assertion.
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** An MT940 statement of {@code entries} :61:/:86: pairs, written as it is read. */
    private static final class GeneratedStatement extends InputStream {

        private final int entries;
        private int next = -1;
        private byte[] chunk = new byte[0];
        private int position;
        private long produced;
        private boolean closed;

        GeneratedStatement(int entries) {
            this.entries = entries;
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() {
            if (!ensure()) {
                return -1;
            }
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }

        private boolean ensure() {
            while (position == chunk.length) {
                if (next > entries) {
                    return false;
                }
                chunk = chunk(next++).getBytes(StandardCharsets.US_ASCII);
                position = 0;
                produced += chunk.length;
            }
            return true;
        }

        private String chunk(int i) {
            if (i < 0) {
                return ":20:BIG-1\r\n:25:" + ACCOUNT + "\r\n:28C:1/1\r\n:60F:C241108EUR0,00\r\n";
            }
            if (i == entries) {
                // Every entry is a credit of 1,23.
                return ":62F:C241108EUR"
                        + new BigDecimal("1.23")
                                .multiply(BigDecimal.valueOf(entries))
                                .toPlainString()
                                .replace('.', ',') + "\r\n-\r\n";
            }
            return ":61:2411081108CR1,23NTRFNONREF//B" + i + "\r\n"
                    + ":86:166?00SEPA-GUTSCHRIFT?109310?20EREF+E2E-" + i + "?21SVWZ+Order TRX2024110500000192"
                    + "\r\n?22 payment " + i + "?30COBADEFFXXX?31DE44500105175407324931?32Mario Rossi\r\n";
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<BankFileItem> readAll(String sample) {
        try (InputStream in = Mt940ReaderTests.class.getResourceAsStream(SAMPLES + sample)) {
            assertThat(in).as(sample).isNotNull();
            List<BankFileItem> read = new ArrayList<>();
            try (BankFileItems items = reader.open(in)) {
                items.forEachRemaining(read::add);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bytesOf(String sample) throws IOException {
        try (InputStream in = Mt940ReaderTests.class.getResourceAsStream(SAMPLES + sample)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private List<BankFileItem> items(byte[] file) {
        List<BankFileItem> read = new ArrayList<>();
        try (BankFileItems items = reader.open(new ByteArrayInputStream(file))) {
            items.forEachRemaining(read::add);
        }
        return read;
    }

    private Entry onlyEntry(String file) {
        return onlyEntry(file.getBytes(StandardCharsets.UTF_8));
    }

    private Entry onlyEntry(byte[] file) {
        List<Entry> entries = items(file).stream()
                .filter(Entry.class::isInstance)
                .map(Entry.class::cast)
                .toList();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** A one-statement file holding {@code lines} between its opening and closing balances. */
    private static String statement(String... lines) {
        return ":20:S1\r\n:25:" + ACCOUNT + "\r\n:28C:1/1\r\n:60F:C241108EUR0,00\r\n" + String.join("\r\n", lines)
                + "\r\n:62F:C241108EUR0,00\r\n-\r\n";
    }

    private static Arguments info(
            String behaviour,
            String mark,
            List<String> information,
            String bankTransactionCode,
            String bookingText,
            Transaction expected) {
        return Arguments.of(behaviour, mark, information, bankTransactionCode, bookingText, expected);
    }

    private static Arguments bad(String behaviour, String file, String reason) {
        return Arguments.of(behaviour, file, reason);
    }

    private static Balance balance(String amount, String currency, String date) {
        return new Balance(new BigDecimal(amount), currency, LocalDate.parse(date));
    }

    private static StatementStart start(
            String id, String iban, String other, String currency, Long sequence, Integer page, Balance opening) {
        return new StatementStart(
                id, iban, other, currency, sequence, null, page, null, null, null, opening, null, null);
    }

    private static Entry entry(
            int index,
            Direction direction,
            boolean reversal,
            String amount,
            String currency,
            String bookingDate,
            String valueDate,
            String bankReference,
            String bankTransactionCode,
            String bookingText,
            Transaction transaction) {
        return new Entry(
                index,
                direction,
                reversal,
                new BigDecimal(amount),
                currency,
                "BOOK",
                LocalDate.parse(bookingDate),
                LocalDate.parse(valueDate),
                bankReference,
                null,
                bankTransactionCode,
                bookingText,
                List.of(transaction));
    }

    /** The parties of a transaction: debtor name and IBAN, creditor name and IBAN. */
    private record Parties(String debtorName, String debtorIban, String creditorName, String creditorIban) {}

    private static Parties credit(String debtorName, String debtorIban) {
        return new Parties(debtorName, debtorIban, null, null);
    }

    private static Parties debit(String creditorName, String creditorIban) {
        return new Parties(null, null, creditorName, creditorIban);
    }

    private static Parties none() {
        return new Parties(null, null, null, null);
    }

    private static Transaction transaction(
            String endToEndId,
            String instructionId,
            Parties parties,
            List<String> unstructured,
            List<String> structured,
            String returnReason,
            String additionalInfo) {
        return new Transaction(
                null,
                null,
                null,
                endToEndId,
                instructionId,
                null,
                parties.debtorName(),
                parties.debtorIban(),
                parties.creditorName(),
                parties.creditorIban(),
                unstructured,
                structured,
                returnReason,
                additionalInfo);
    }
}
