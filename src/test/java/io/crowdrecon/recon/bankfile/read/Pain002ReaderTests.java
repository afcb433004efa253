package io.crowdrecon.recon.bankfile.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.PaymentInformationStatus;
import io.crowdrecon.recon.bankfile.BankFileItem.StatusReason;
import io.crowdrecon.recon.bankfile.BankFileItem.StatusReport;
import io.crowdrecon.recon.bankfile.BankFileItem.TransactionStatus;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bank's answer to our pain.001, as banks write it: optional elements, prefixes, versions .03 and .10. */
class Pain002ReaderTests {

    // A whole file refused at once, as a German bank answers a file it cannot take (.03, reason with two lines).
    static final String FILE_REJECTED_03 =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <CstmrPmtStsRpt>
                <GrpHdr>
                  <MsgId>STS-20260401-0001</MsgId>
                  <CreDtTm>2026-04-01T10:15:30</CreDtTm>
                  <InitgPty><Nm>Musterbank AG</Nm><Id><OrgId><BICOrBEI>MUSTDEFFXXX</BICOrBEI></OrgId></Id></InitgPty>
                </GrpHdr>
                <OrgnlGrpInfAndSts>
                  <OrgnlMsgId>PF23456789ABCDEFGH</OrgnlMsgId>
                  <OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>
                  <OrgnlNbOfTxs>2</OrgnlNbOfTxs>
                  <OrgnlCtrlSum>1500.50</OrgnlCtrlSum>
                  <GrpSts>RJCT</GrpSts>
                  <StsRsnInf>
                    <Orgtr><Id><OrgId><BICOrBEI>MUSTDEFFXXX</BICOrBEI></OrgId></Id></Orgtr>
                    <Rsn><Cd>FF01</Cd></Rsn>
                    <AddtlInf>Ungueltiges Dateiformat</AddtlInf>
                    <AddtlInf>Datei abgewiesen</AddtlInf>
                  </StsRsnInf>
                </OrgnlGrpInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """;

    // Partly accepted (.10, prefixed): one executed, one rejected AC04, one without its own status; counts per status,
    // UETR, the original amount, supplementary data the reader does not need.
    static final String PARTLY_ACCEPTED_10 =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <ns2:CstmrPmtStsRpt>
                <ns2:GrpHdr>
                  <ns2:MsgId>PSR-77</ns2:MsgId>
                  <ns2:CreDtTm>2026-04-02T08:00:00.000+02:00</ns2:CreDtTm>
                  <ns2:DbtrAgt><ns2:FinInstnId><ns2:BICFI>INGBNL2AXXX</ns2:BICFI></ns2:FinInstnId></ns2:DbtrAgt>
                </ns2:GrpHdr>
                <ns2:OrgnlGrpInfAndSts>
                  <ns2:OrgnlMsgId>PF23456789ABCDEFGH</ns2:OrgnlMsgId>
                  <ns2:OrgnlMsgNmId>pain.001.001.09</ns2:OrgnlMsgNmId>
                  <ns2:OrgnlCreDtTm>2026-04-01T18:00:00Z</ns2:OrgnlCreDtTm>
                  <ns2:OrgnlNbOfTxs>3</ns2:OrgnlNbOfTxs>
                  <ns2:OrgnlCtrlSum>4277084.260</ns2:OrgnlCtrlSum>
                  <ns2:GrpSts>PART</ns2:GrpSts>
                  <ns2:NbOfTxsPerSts><ns2:DtldNbOfTxs>2</ns2:DtldNbOfTxs><ns2:DtldSts>ACSC</ns2:DtldSts></ns2:NbOfTxsPerSts>
                  <ns2:NbOfTxsPerSts><ns2:DtldNbOfTxs>1</ns2:DtldNbOfTxs><ns2:DtldSts>RJCT</ns2:DtldSts></ns2:NbOfTxsPerSts>
                </ns2:OrgnlGrpInfAndSts>
                <ns2:OrgnlPmtInfAndSts>
                  <ns2:OrgnlPmtInfId>PF23456789ABCDEFGH-1</ns2:OrgnlPmtInfId>
                  <ns2:OrgnlNbOfTxs>3</ns2:OrgnlNbOfTxs>
                  <ns2:PmtInfSts>PART</ns2:PmtInfSts>
                  <ns2:TxInfAndSts>
                    <ns2:StsId>S-1</ns2:StsId>
                    <ns2:OrgnlInstrId>PI23456789ABCDEFG1</ns2:OrgnlInstrId>
                    <ns2:OrgnlEndToEndId>PI23456789ABCDEFG1</ns2:OrgnlEndToEndId>
                    <ns2:OrgnlUETR>0e3a1a2b-9c0d-4c55-8f2e-7d1c2b3a4f5e</ns2:OrgnlUETR>
                    <ns2:TxSts>ACSC</ns2:TxSts>
                    <ns2:AccptncDtTm>2026-04-02T07:59:00Z</ns2:AccptncDtTm>
                    <ns2:AcctSvcrRef>BANKREF-1</ns2:AcctSvcrRef>
                    <ns2:OrgnlTxRef>
                      <ns2:Amt><ns2:InstdAmt Ccy="EUR">1000.00</ns2:InstdAmt></ns2:Amt>
                      <ns2:ReqdExctnDt><ns2:Dt>2026-04-02</ns2:Dt></ns2:ReqdExctnDt>
                      <ns2:Cdtr><ns2:Pty><ns2:Nm>ACME Srl</ns2:Nm></ns2:Pty></ns2:Cdtr>
                      <ns2:CdtrAcct><ns2:Id><ns2:IBAN>IT60X0542811101000000123456</ns2:IBAN></ns2:Id></ns2:CdtrAcct>
                    </ns2:OrgnlTxRef>
                  </ns2:TxInfAndSts>
                  <ns2:TxInfAndSts>
                    <ns2:OrgnlEndToEndId>PI23456789ABCDEFG2</ns2:OrgnlEndToEndId>
                    <ns2:TxSts>RJCT</ns2:TxSts>
                    <ns2:StsRsnInf>
                      <ns2:Rsn><ns2:Cd>AC04</ns2:Cd></ns2:Rsn>
                      <ns2:AddtlInf>Account closed</ns2:AddtlInf>
                    </ns2:StsRsnInf>
                    <ns2:ChrgsInf><ns2:Amt Ccy="EUR">2.50</ns2:Amt><ns2:Agt><ns2:FinInstnId><ns2:BICFI>INGBNL2AXXX</ns2:BICFI></ns2:FinInstnId></ns2:Agt></ns2:ChrgsInf>
                    <ns2:OrgnlTxRef><ns2:Amt><ns2:InstdAmt Ccy="EUR">0.01</ns2:InstdAmt></ns2:Amt></ns2:OrgnlTxRef>
                  </ns2:TxInfAndSts>
                  <ns2:TxInfAndSts>
                    <ns2:OrgnlInstrId>PI23456789ABCDEFG3</ns2:OrgnlInstrId>
                  </ns2:TxInfAndSts>
                </ns2:OrgnlPmtInfAndSts>
                <ns2:SplmtryData><ns2:Envlp><x xmlns="urn:example">anything</x></ns2:Envlp></ns2:SplmtryData>
              </ns2:CstmrPmtStsRpt>
            </ns2:Document>
            """;

    @Test
    void readsAWholeFileRefusedWithItsReasonAndNoTransactions() {
        List<BankFileItem> items = read(FILE_REJECTED_03);

        assertThat(items)
                .containsExactly(
                        new FileHeader(
                                BankFileFormat.PAIN_002,
                                "001.03",
                                "STS-20260401-0001",
                                Instant.parse("2026-04-01T10:15:30Z")),
                        new StatusReport(
                                "PF23456789ABCDEFGH",
                                "pain.001.001.03",
                                2L,
                                new BigDecimal("1500.50"),
                                "RJCT",
                                List.of(new StatusReason("FF01", "Ungueltiges Dateiformat Datei abgewiesen"))));
    }

    @Test
    void readsEachTransactionsAnswerInOrderAfterItsBlocksAnswer() {
        List<BankFileItem> items = read(PARTLY_ACCEPTED_10);

        assertThat(items.get(0))
                .isEqualTo(new FileHeader(
                        BankFileFormat.PAIN_002, "001.10", "PSR-77", Instant.parse("2026-04-02T06:00:00Z")));
        assertThat(items.get(1))
                .isEqualTo(new StatusReport(
                        "PF23456789ABCDEFGH", "pain.001.001.09", 3L, new BigDecimal("4277084.260"), "PART", List.of()));
        assertThat(items.get(2)).isEqualTo(new PaymentInformationStatus("PF23456789ABCDEFGH-1", "PART", List.of()));
        assertThat(items.subList(3, items.size()))
                .containsExactly(
                        new TransactionStatus(
                                0,
                                "PF23456789ABCDEFGH-1",
                                "S-1",
                                "PI23456789ABCDEFG1",
                                "PI23456789ABCDEFG1",
                                "0e3a1a2b-9c0d-4c55-8f2e-7d1c2b3a4f5e",
                                "ACSC",
                                List.of(),
                                new BigDecimal("1000.00"),
                                "EUR",
                                Instant.parse("2026-04-02T07:59:00Z"),
                                "BANKREF-1"),
                        new TransactionStatus(
                                1,
                                "PF23456789ABCDEFGH-1",
                                null,
                                null,
                                "PI23456789ABCDEFG2",
                                null,
                                "RJCT",
                                List.of(new StatusReason("AC04", "Account closed")),
                                new BigDecimal("0.01"),
                                "EUR",
                                null,
                                null),
                        // No TxSts of its own: the block's or the group's answers it; the booking decides which.
                        new TransactionStatus(
                                2,
                                "PF23456789ABCDEFGH-1",
                                null,
                                "PI23456789ABCDEFG3",
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                null));
    }

    @Test
    void readsAStatusAndAReasonGivenAsAProprietaryCodeAndABlockWithoutTransactions() {
        String report = FILE_REJECTED_03
                .replace("<GrpSts>RJCT</GrpSts>", "")
                .replace("<Rsn><Cd>FF01</Cd></Rsn>", "<Rsn><Prtry>X99</Prtry></Rsn>")
                .replace(
                        "</OrgnlGrpInfAndSts>",
                        """
                        </OrgnlGrpInfAndSts>
                        <OrgnlPmtInfAndSts>
                          <OrgnlPmtInfId>PF23456789ABCDEFGH-1</OrgnlPmtInfId>
                          <PmtInfSts>RJCT</PmtInfSts>
                          <StsRsnInf><Rsn><Cd>DT01</Cd></Rsn></StsRsnInf>
                        </OrgnlPmtInfAndSts>
                        """);

        List<BankFileItem> items = read(report);

        assertThat(items.get(1))
                .isEqualTo(new StatusReport(
                        "PF23456789ABCDEFGH",
                        "pain.001.001.03",
                        2L,
                        new BigDecimal("1500.50"),
                        null,
                        List.of(new StatusReason("X99", "Ungueltiges Dateiformat Datei abgewiesen"))));
        assertThat(items.subList(2, items.size()))
                .containsExactly(new PaymentInformationStatus(
                        "PF23456789ABCDEFGH-1", "RJCT", List.of(new StatusReason("DT01", null))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a version before .03            | pain.002.001.03 | pain.002.001.02 | pain.002.001.02 is a version crowdrecon does not read
            a camt in a pain file's place   | pain.002.001.03 | camt.054.001.08 | not an ISO 20022 pain.002 message
            """)
    void refusesAnotherMessageOrVersion(String what, String namespace, String instead, String expected) {
        assertThatThrownBy(() -> read(FILE_REJECTED_03.replace(namespace, instead)))
                .as(what)
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            no MsgId                  | <MsgId>STS-20260401-0001</MsgId>       |                                         | MsgId is missing
            no OrgnlMsgId             | <OrgnlMsgId>PF23456789ABCDEFGH</OrgnlMsgId> |                                    | OrgnlMsgId is missing
            no OrgnlGrpInfAndSts      | <OrgnlGrpInfAndSts>                    | <Other>                                 | OrgnlGrpInfAndSts is missing
            a count that is none      | <OrgnlNbOfTxs>2</OrgnlNbOfTxs>         | <OrgnlNbOfTxs>two</OrgnlNbOfTxs>        | OrgnlNbOfTxs
            a control sum that is none| <OrgnlCtrlSum>1500.50</OrgnlCtrlSum>   | <OrgnlCtrlSum>1,500.50</OrgnlCtrlSum>   | OrgnlCtrlSum
            a date-time that is none  | <CreDtTm>2026-04-01T10:15:30</CreDtTm> | <CreDtTm>yesterday</CreDtTm>            | CreDtTm
            """)
    void refusesAReportMissingWhatIdentifiesIt(String what, String part, String replacement, String expected) {
        String broken = FILE_REJECTED_03.replace(part, replacement == null ? "" : replacement);
        if (part.equals("<OrgnlGrpInfAndSts>")) {
            broken = broken.replace("</OrgnlGrpInfAndSts>", "</Other>");
        }
        String file = broken;
        assertThatThrownBy(() -> read(file))
                .as(what)
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void refusesABlockWithoutItsIdAndAnAmountWithoutCurrency() {
        assertThatThrownBy(() -> read(
                        PARTLY_ACCEPTED_10.replace("<ns2:OrgnlPmtInfId>PF23456789ABCDEFGH-1</ns2:OrgnlPmtInfId>", "")))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("OrgnlPmtInfId is missing");
        assertThatThrownBy(() -> read(PARTLY_ACCEPTED_10.replace(
                        "<ns2:InstdAmt Ccy=\"EUR\">0.01</ns2:InstdAmt>", "<ns2:InstdAmt>0.01</ns2:InstdAmt>")))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("OrgnlTxRef/Amt/InstdAmt has no Ccy");
        assertThatThrownBy(() -> read(PARTLY_ACCEPTED_10.replace(
                        "<ns2:InstdAmt Ccy=\"EUR\">0.01</ns2:InstdAmt>",
                        "<ns2:InstdAmt Ccy=\"EUR\">0.001</ns2:InstdAmt>")))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("OrgnlTxRef/Amt/InstdAmt");
    }

    @Test
    void refusesADoctypeAndReadsNoEntity() {
        String withDoctype = FILE_REJECTED_03.replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

        assertThatThrownBy(() -> read(withDoctype))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void refusesATruncatedReportAtTheTransactionItStopsIn() {
        String truncated = PARTLY_ACCEPTED_10.substring(0, PARTLY_ACCEPTED_10.indexOf("<ns2:TxSts>RJCT"));

        List<BankFileItem> before = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (BankFileItems items = new Pain002Reader().open(stream(truncated))) {
                        while (items.hasNext()) {
                            before.add(items.next());
                        }
                    }
                })
                .isInstanceOf(UnreadableBankFileException.class);
        assertThat(before).hasSize(4); // header, report, block, the first transaction: each went out as it was read
    }

    @Test
    void readsTenThousandAnswersOneAtATimeFromAReportGeneratedAsItIsRead() {
        int transactions = 10_000;
        CountingStream generated = generatedReport(transactions);
        int counted = 0;
        try (BankFileItems items = new Pain002Reader().open(generated)) {
            items.next();
            items.next();
            items.next();
            assertThat(items.next()).isInstanceOf(TransactionStatus.class);
            assertThat(generated.served).isLessThan(64 * 1024); // the first answer came long before the end
            counted = 1;
            while (items.hasNext()) {
                TransactionStatus status = (TransactionStatus) items.next();
                assertThat(status.index()).isEqualTo(counted);
                assertThat(status.originalEndToEndId()).isEqualTo("PI" + counted);
                counted++;
            }
        }
        assertThat(counted).isEqualTo(transactions);
    }

    static List<BankFileItem> read(String xml) {
        List<BankFileItem> items = new ArrayList<>();
        try (BankFileItems read = new Pain002Reader().open(stream(xml))) {
            read.forEachRemaining(items::add);
        }
        return items;
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    // A .10 report of n accepted transfers, each made only when the reader asks for its bytes.
    private static CountingStream generatedReport(int n) {
        String head =
                """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>GEN</MsgId><CreDtTm>2026-04-02T08:00:00Z</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>PF1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>ACSC</GrpSts></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>PF1-1</OrgnlPmtInfId>
                """;
        Iterator<InputStream> parts = IntStream.rangeClosed(-1, n)
                .mapToObj(i -> i < 0
                        ? head
                        : i == n
                                ? "</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>"
                                : "<TxInfAndSts><OrgnlEndToEndId>PI" + i + "</OrgnlEndToEndId><TxSts>ACSC</TxSts>"
                                        + "<OrgnlTxRef><Amt><InstdAmt Ccy=\"EUR\">1.00</InstdAmt></Amt></OrgnlTxRef>"
                                        + "</TxInfAndSts>\n")
                .map(Pain002ReaderTests::stream)
                .iterator();
        return new CountingStream(new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        }));
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long served;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                served++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int count = in.read(buffer, offset, length);
            if (count > 0) {
                served += count;
            }
            return count;
        }

        @Override
        public void close() throws java.io.IOException {
            in.close();
        }
    }
}
