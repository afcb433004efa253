package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.CreditorReference;
import io.crowdrecon.recon.shared.Iban;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every file the writer produces is validated against the official schema of its version (src/test/resources/xsd:
 * the EPC's SCT customer-to-bank pain.001.001.09 and the ISO pain.001.001.03), then read back with XPath to check its
 * counts and control sums.
 */
class Pain001WriterTests {

    private static final Instant CREATED = Instant.parse("2026-12-06T17:30:00Z");
    private static final LocalDate EXECUTION = LocalDate.parse("2026-12-08");
    private static final String RF = "RF18539007547034";

    private final Pain001Writer writer = new Pain001Writer();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pain001Version.class)
    void writesASchemaValidFileWithExactCountsAndControlSums(Pain001Version version) throws Exception {
        byte[] file = write(version, sampleContent());

        validate(version, file);
        Document document = parse(file);
        assertThat(text(document, "//GrpHdr/MsgId")).isEqualTo("MSG-2026-12-06-001");
        assertThat(text(document, "//GrpHdr/NbOfTxs")).isEqualTo("10");
        assertThat(text(document, "//GrpHdr/CtrlSum")).isEqualTo("1000000100.00");
        assertThat(sumOfAmounts(document, "//CdtTrfTxInf")).isEqualByComparingTo("1000000100.00");
        assertThat(text(document, "//PmtInf[1]/NbOfTxs")).isEqualTo("8");
        assertThat(text(document, "//PmtInf[1]/CtrlSum")).isEqualTo("100.00");
        assertThat(sumOfAmounts(document, "//PmtInf[1]/CdtTrfTxInf")).isEqualByComparingTo("100.00");
        assertThat(text(document, "//PmtInf[2]/NbOfTxs")).isEqualTo("2");
        assertThat(text(document, "//PmtInf[2]/CtrlSum")).isEqualTo("1000000000.00");
        assertThat(texts(document, "//PmtInf/PmtTpInf/SvcLvl/Cd")).containsOnly("SEPA");
        assertThat(texts(document, "//PmtInf/ChrgBr")).containsOnly("SLEV");
        assertThat(texts(document, "//InstdAmt/@Ccy")).hasSize(10).containsOnly("EUR");
        assertThat(texts(document, "//PmtInf[2]//InstdAmt")).containsExactly("0.01", "999999999.99");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pain001Version.class)
    void writesCreditorsNamesInTheSepaCharacterSet(Pain001Version version) throws Exception {
        Document document = parse(write(version, sampleContent()));

        assertThat(texts(document, "//PmtInf[1]/CdtTrfTxInf/Cdtr/Nm"))
                .containsExactly(
                        "Niccolo Caffe S.r.l.",
                        "Muller + Sohne GmbH",
                        "Societe Generale d'Epargne",
                        "Orsted Nederland B.V.",
                        "Jose Nunez Pena",
                        "Strassenbau Worthersee",
                        "AEsop Belgique",
                        "........ ........ Ltd");
        assertThat(texts(document, "//*[not(*)]")).allSatisfy(text -> assertThat(SepaText.isSepaText(text))
                .as("'%s' is SEPA text", text)
                .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pain001Version.class)
    void writesAnRfReferenceStructuredAndOtherTextUnstructured(Pain001Version version) throws Exception {
        Document document = parse(write(version, sampleContent()));

        String structured = "//CdtTrfTxInf[PmtId/EndToEndId='PI-IT-1']/RmtInf";
        assertThat(text(document, structured + "/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd"))
                .isEqualTo("SCOR");
        assertThat(text(document, structured + "/Strd/CdtrRefInf/Tp/Issr")).isEqualTo("ISO");
        assertThat(text(document, structured + "/Strd/CdtrRefInf/Ref")).isEqualTo(RF);
        assertThat(texts(document, structured + "/Ustrd")).isEmpty();
        String unstructured = "//CdtTrfTxInf[PmtId/EndToEndId='PI-DE-2']/RmtInf";
        assertThat(text(document, unstructured + "/Ustrd")).isEqualTo("Ruckzahlung Bestellung ORD-42 fur Herrn Gross");
        assertThat(texts(document, unstructured + "/Strd")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pain001Version.class)
    void writesTheBicOnlyWhereItIsKnownInTheVersionsElement(Pain001Version version) throws Exception {
        Document document = parse(write(version, sampleContent()));
        String bic = version == Pain001Version.V09 ? "BICFI" : "BIC";

        assertThat(text(document, "//PmtInf[1]/DbtrAgt/FinInstnId/" + bic)).isEqualTo("BPMOIT22XXX");
        assertThat(text(document, "//PmtInf[2]/DbtrAgt/FinInstnId/Othr/Id")).isEqualTo("NOTPROVIDED");
        assertThat(text(document, "//CdtTrfTxInf[PmtId/EndToEndId='PI-DE-2']/CdtrAgt/FinInstnId/" + bic))
                .isEqualTo("COBADEFFXXX");
        assertThat(texts(document, "//CdtTrfTxInf[PmtId/EndToEndId='PI-NL-4']/CdtrAgt"))
                .isEmpty();
        assertThat(texts(document, "//CdtTrfTxInf/CdtrAgt/FinInstnId/" + bic)).hasSize(6);
    }

    @Test
    void writesTheRequestedExecutionDateAsEachVersionWantsIt() throws Exception {
        assertThat(text(parse(write(Pain001Version.V09, sampleContent())), "//PmtInf[2]/ReqdExctnDt/Dt"))
                .isEqualTo("2026-12-09");
        assertThat(text(parse(write(Pain001Version.V03, sampleContent())), "//PmtInf[2]/ReqdExctnDt"))
                .isEqualTo("2026-12-09");
    }

    @Test
    void theSchemaRefusesWhatTheSepaGuidelinesForbid() throws Exception {
        // Proves the validation above can fail: the EPC schema takes only SLEV charges and names of 70 characters.
        String file = new String(write(Pain001Version.V09, sampleContent()), StandardCharsets.UTF_8);

        byte[] sharedCharges =
                file.replace("<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>SHAR</ChrgBr>").getBytes(StandardCharsets.UTF_8);
        byte[] longName = file.replace("<Nm>Jose Nunez Pena</Nm>", "<Nm>" + "x".repeat(71) + "</Nm>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> validate(Pain001Version.V09, sharedCharges)).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(Pain001Version.V09, longName)).isInstanceOf(SAXException.class);
    }

    @Test
    void writesTenThousandTransfersStreamingWithoutHoldingThem(@TempDir Path dir) throws Exception {
        int transfers = 10_000;
        int slack = 100;
        GeneratedTransfers source = new GeneratedTransfers(transfers);
        PaymentFileContent content = new PaymentFileContent(
                "MSG-BIG-1",
                CREATED,
                "crowdrecon",
                List.of(new PaymentGroup(
                        "PMT-BIG-1",
                        "crowdrecon Escrow",
                        new Iban("DE02120300000000202051"),
                        Optional.empty(),
                        EXECUTION,
                        source)));
        Path path = dir.resolve("big.xml");

        PaymentFileTotals totals;
        try (CountingOutputStream out = new CountingOutputStream(Files.newOutputStream(path))) {
            source.output = out;
            totals = writer.write(content, Pain001Version.V09, out);
        }

        // When the writer asked for transfer i, all but at most `slack` of the ones before it were already out.
        assertThat(source.completedWhenPulled).hasSize(transfers);
        for (int i = 0; i < transfers; i++) {
            assertThat(source.completedWhenPulled.get(i))
                    .as("transfers out when transfer %d was pulled", i)
                    .isGreaterThanOrEqualTo(i - slack);
        }
        validate(Pain001Version.V09, path);
        Document document = parse(Files.readAllBytes(path));
        BigDecimal expected = source.expectedSum();
        assertThat(text(document, "//GrpHdr/NbOfTxs")).isEqualTo("10000");
        assertThat(new BigDecimal(text(document, "//GrpHdr/CtrlSum"))).isEqualByComparingTo(expected);
        assertThat(text(document, "//PmtInf/NbOfTxs")).isEqualTo("10000");
        assertThat(new BigDecimal(text(document, "//PmtInf/CtrlSum"))).isEqualByComparingTo(expected);
        assertThat(sumOfAmounts(document, "//CdtTrfTxInf")).isEqualByComparingTo(expected);
        assertThat(totals.count()).isEqualTo(transfers);
        assertThat(totals.sum()).isEqualByComparingTo(expected);
    }

    @Test
    void failsRatherThanWriteAHeaderThatDisagreesWithItsBody() {
        List<CreditTransfer> first = List.of(transfer("PI-1", "10.00"));
        List<CreditTransfer> second = List.of(transfer("PI-1", "10.00"), transfer("PI-2", "5.00"));
        Iterable<CreditTransfer> changing = new Iterable<>() {
            private int passes;

            @Override
            public Iterator<CreditTransfer> iterator() {
                return (passes++ == 0 ? first : second).iterator();
            }
        };
        PaymentFileContent content = content(changing);

        assertThatIllegalStateException()
                .isThrownBy(() -> writer.write(content, Pain001Version.V09, new ByteArrayOutputStream()))
                .withMessageContaining("changed while it was written");
    }

    @Test
    void refusesAGroupWithoutTransfers() {
        PaymentFileContent content = content(List.of());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.write(content, Pain001Version.V09, new ByteArrayOutputStream()))
                .withMessageContaining("has no transfer");
    }

    @Test
    void takesOnlySepaAmounts() {
        assertThat(transfer("PI-1", "0.01").amount()).isEqualTo("0.01");
        assertThat(transfer("PI-1", "999999999.99").amount()).isEqualTo("999999999.99");
        assertThat(transfer("PI-1", "5").amount()).isEqualTo("5.00");
        for (String amount : List.of("0", "0.00", "-1.00", "0.001", "1000000000.00")) {
            assertThatIllegalArgumentException().as(amount).isThrownBy(() -> transfer("PI-1", amount));
        }
    }

    @Test
    void takesAReferenceAsStructuredOnlyWithValidCheckDigits() {
        assertThat(Remittance.of("rf18 5390 0754 7034")).isEqualTo(new Remittance.Structured(RF));
        assertThat(Remittance.of("RF19539007547034")).isEqualTo(new Remittance.Unstructured("RF19539007547034"));
        assertThat(((Remittance.Unstructured) Remittance.of("é".repeat(300))).text())
                .isEqualTo("e".repeat(140));
    }

    private byte[] write(Pain001Version version, PaymentFileContent content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(content, version, out);
        return out.toByteArray();
    }

    private static PaymentFileContent sampleContent() {
        List<CreditTransfer> sepaCountries = List.of(
                CreditTransfer.of(
                        "PI-IT-1",
                        new BigDecimal("12.50"),
                        "Niccolò Caffè S.r.l.",
                        new Iban("IT60X0542811101000000123456"),
                        Optional.of("UNCRITMMXXX"),
                        RF),
                CreditTransfer.of(
                        "PI-DE-2",
                        new BigDecimal("7.25"),
                        "Müller & Söhne GmbH",
                        new Iban("DE89370400440532013000"),
                        Optional.of("COBADEFFXXX"),
                        "Rückzahlung Bestellung ORD-42 für Herrn Groß"),
                CreditTransfer.of(
                        "PI-FR-3",
                        new BigDecimal("20.00"),
                        "Société Générale d’Épargne",
                        new Iban("FR1420041010050500013M02606"),
                        Optional.of("BNPAFRPPXXX"),
                        CreditorReference.of("ORD42")),
                CreditTransfer.of(
                        "PI-NL-4",
                        new BigDecimal("10.00"),
                        "Ørsted Nederland B.V.",
                        new Iban("NL91ABNA0417164300"),
                        Optional.empty(),
                        "Terugbetaling"),
                CreditTransfer.of(
                        "PI-ES-5",
                        new BigDecimal("30.25"),
                        "José Núñez Peña",
                        new Iban("ES9121000418450200051332"),
                        Optional.of("CAIXESBBXXX"),
                        "Devolución pedido ORD-7"),
                CreditTransfer.of(
                        "PI-AT-6",
                        new BigDecimal("5.00"),
                        "Straßenbau Wörthersee",
                        new Iban("AT611904300234573201"),
                        Optional.empty(),
                        "Rückerstattung"),
                CreditTransfer.of(
                        "PI-BE-7",
                        new BigDecimal("14.99"),
                        "Æsop Belgique",
                        new Iban("BE68539007547034"),
                        Optional.of("GEBABEBB"),
                        "Remboursement"),
                CreditTransfer.of(
                        "PI-IE-8",
                        new BigDecimal("0.01"),
                        "Ελληνική Εταιρεία Ltd",
                        new Iban("IE29AIBK93115212345678"),
                        Optional.of("AIBKIE2D"),
                        "Refund Ελλάδα"));
        List<CreditTransfer> extremes = List.of(transfer("PI-MIN-9", "0.01"), transfer("PI-MAX-10", "999999999.99"));
        return new PaymentFileContent(
                "MSG-2026-12-06-001",
                CREATED,
                "crowdrecon Escrow S.p.A.",
                List.of(
                        new PaymentGroup(
                                "PMT-1",
                                "crowdrecon Escrow S.p.A.",
                                new Iban("IT60X0542811101000000123456"),
                                Optional.of("BPMOIT22XXX"),
                                EXECUTION,
                                sepaCountries),
                        new PaymentGroup(
                                "PMT-2",
                                "crowdrecon Fees",
                                new Iban("LU280019400644750000"),
                                Optional.empty(),
                                EXECUTION.plusDays(1),
                                extremes)));
    }

    private static PaymentFileContent content(Iterable<CreditTransfer> transfers) {
        return new PaymentFileContent(
                "MSG-1",
                CREATED,
                "crowdrecon",
                List.of(new PaymentGroup(
                        "PMT-1",
                        "crowdrecon Escrow",
                        new Iban("DE02120300000000202051"),
                        Optional.empty(),
                        EXECUTION,
                        transfers)));
    }

    private static CreditTransfer transfer(String id, String amount) {
        return CreditTransfer.of(
                id, new BigDecimal(amount), "Jane Doe", new Iban("BE68539007547034"), Optional.empty(), "Refund");
    }

    private static void validate(Pain001Version version, byte[] file) throws Exception {
        validate(version, new StreamSource(new ByteArrayInputStream(file)));
    }

    private static void validate(Pain001Version version, Path file) throws Exception {
        validate(version, new StreamSource(file.toFile()));
    }

    private static void validate(Pain001Version version, Source file) throws Exception {
        Validator validator = schema(version).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(file);
    }

    private static Schema schema(Pain001Version version) throws Exception {
        String name = version == Pain001Version.V09 ? "pain.001.001.09.xsd" : "pain.001.001.03.xsd";
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream xsd = Pain001WriterTests.class.getResourceAsStream("/xsd/" + name)) {
            assertThat(xsd).as(name).isNotNull();
            return factory.newSchema(new StreamSource(xsd));
        }
    }

    // Parsed without namespaces so the XPaths read the same for both versions.
    private static Document parse(byte[] file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
    }

    private static String text(Document document, String xpath) throws Exception {
        List<String> found = texts(document, xpath);
        assertThat(found).as(xpath).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(Document document, String xpath) throws Exception {
        XPath path = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) path.evaluate(xpath, document, XPathConstants.NODESET);
        List<String> found = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            found.add(node.getTextContent());
        }
        return found;
    }

    private static BigDecimal sumOfAmounts(Document document, String transfers) throws Exception {
        return texts(document, transfers + "/Amt/InstdAmt").stream()
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Transfers made on demand (never a list of them), whose second pass records, for each transfer the writer pulls,
     * how many whole transfers had already reached the output.
     */
    private static final class GeneratedTransfers implements Iterable<CreditTransfer> {

        private final int size;
        private final List<Long> completedWhenPulled = new ArrayList<>();
        private CountingOutputStream output;
        private int passes;

        GeneratedTransfers(int size) {
            this.size = size;
        }

        @Override
        public Iterator<CreditTransfer> iterator() {
            boolean recording = passes++ == 1;
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public CreditTransfer next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (recording) {
                        completedWhenPulled.add(output.completedTransfers);
                    }
                    return generated(next++);
                }
            };
        }

        BigDecimal expectedSum() {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < size; i++) {
                sum = sum.add(amount(i));
            }
            return sum;
        }

        private static CreditTransfer generated(int i) {
            return CreditTransfer.of(
                    "PI-" + i,
                    amount(i),
                    "Investor Nr " + i + " Müller",
                    new Iban("DE89370400440532013000"),
                    i % 2 == 0 ? Optional.of("COBADEFFXXX") : Optional.empty(),
                    i % 3 == 0 ? CreditorReference.of("ORD" + i) : "Refund of order ORD-" + i);
        }

        private static BigDecimal amount(int i) {
            return new BigDecimal(i % 1000 + 1).add(new BigDecimal(i % 100).movePointLeft(2));
        }
    }

    /** Passes bytes through and counts the {@code </CdtTrfTxInf>} end tags that went by. */
    private static final class CountingOutputStream extends FilterOutputStream {

        private static final byte[] END_TAG = "</CdtTrfTxInf>".getBytes(StandardCharsets.US_ASCII);

        private long completedTransfers;
        private int matched;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            see((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                see(b[i]);
            }
        }

        // '<' occurs once in the tag, so a mismatch can only restart at the current byte.
        private void see(byte b) {
            if (b == END_TAG[matched]) {
                matched++;
                if (matched == END_TAG.length) {
                    completedTransfers++;
                    matched = 0;
                }
            } else {
                matched = b == END_TAG[0] ? 1 : 0;
            }
        }
    }
}
