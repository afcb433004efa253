package io.crowdrecon.recon.bankfile.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import io.crowdrecon.recon.bankfile.read.BankFileReaders.Kind;
import io.crowdrecon.recon.bankfile.read.BankFileReaders.Sniffed;
import io.crowdrecon.recon.bankfile.read.CamtReaderTests.ClosingAwareStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BankFileReadersTests {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String MT940 = ":20:STARTUMSE\r\n:25:50010517/0648489890\r\n:28C:00064/001\r\n"
            + ":60F:C260331EUR12500,00\r\n:61:2603310331CR1100,00NTRFNONREF//2026033100001234\r\n"
            + ":86:166?00GUTSCHRIFT?20EREF+NOTPROVIDED?21SVWZ+Investment TRX4198398434674323\r\n"
            + ":62F:C260331EUR13600,00\r\n-";
    private static final String EXPECTED = "expected ISO 20022 camt.052/053/054 XML (starting with '<') or SWIFT MT940"
            + " (starting with a '{1:' block or a tag line such as ':20:')";

    static Stream<Arguments> recognised() {
        return Stream.of(
                row("an XML declaration", text("<?xml version=\"1.0\"?><Document/>"), Kind.XML, 0),
                row("a root element without declaration", text("<Document/>"), Kind.XML, 0),
                row("a UTF-8 BOM before the declaration", bytes(BOM, text("<?xml version=\"1.0\"?>")), Kind.XML, 3),
                row("blank lines before the declaration", text("\r\n\n  \t<?xml version=\"1.0\"?>"), Kind.XML, 6),
                row("a BOM and blank lines before the root", bytes(BOM, text("\n\n<Document/>")), Kind.XML, 5),
                row("a comment first", text("<!-- exported 2026-04-01 --><Document/>"), Kind.XML, 0),
                row(
                        "a SWIFT basic header block",
                        text("{1:F01BPMOIT22AXXX0000000000}{2:O940}{4:\r\n:20:X\r\n-}"),
                        Kind.MT940,
                        0),
                row("the first tag line :20:", text(MT940), Kind.MT940, 0),
                row("blank lines before :20:", text("\r\n\r\n" + MT940), Kind.MT940, 4),
                row("a BOM before :20:", bytes(BOM, text(MT940)), Kind.MT940, 3),
                row("a tag with an option letter first", text(":28C:00064/001\r\n"), Kind.MT940, 0),
                row("a tag line of the bare minimum", text(":20:"), Kind.MT940, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognised")
    void tellsXmlFromMt940ByTheFirstSignificantBytes(String behaviour, byte[] head, Kind kind, int skip) {
        assertThat(BankFileReaders.sniff(head)).isEqualTo(new Sniffed(kind, skip));
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                refused("an empty file", new byte[0], "the file is empty: " + EXPECTED),
                refused("a BOM alone", BOM, "the file is empty: " + EXPECTED),
                refused("blank lines only", text("\r\n \t\n"), "the file holds only whitespace: " + EXPECTED),
                refused(
                        "more blank bytes than are looked through",
                        text(" ".repeat(BankFileReaders.PEEK_LIMIT)),
                        "the file starts with more than 4096 bytes of whitespace: " + EXPECTED),
                refused(
                        "a PDF",
                        text("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3"),
                        "not a bank file crowdrecon reads: " + EXPECTED
                                + "; the file starts with '%PDF-1.4\\u000A%âãÏÓ'"),
                refused(
                        "a ZIP archive",
                        bytes(new byte[] {'P', 'K', 3, 4, 20, 0}, text("camt.xml")),
                        "the file starts with 'PK\\u0003\\u0004\\u0014\\u0000camt.xml'"),
                refused(
                        "a JSON notification",
                        text("{\"bankReference\":\"B-1\",\"amount\":1100.00,\"currency\":\"EUR\"}"),
                        "the file starts with '{\"bankReference\":\"B-1\",\"…'"),
                refused(
                        "a CSV export",
                        text("Buchungstag;Betrag;Waehrung\n"),
                        "the file starts with 'Buchungstag;Betrag;Waehr…'"),
                refused("a SWIFT block other than {1:", text("{2:O940}"), "the file starts with '{2:O940}'"),
                refused("a tag of one digit", text(":2:X"), "the file starts with ':2:X'"),
                refused("a tag without its closing colon", text(":20STARTUMSE"), "the file starts with ':20STARTUMSE'"),
                refused("a tag with a lower-case option", text(":60f:C260331"), "the file starts with ':60f:C260331'"),
                refused(
                        "a tag line not at the start of a line",
                        text("20:STARTUMSE"),
                        "the file starts with '20:STARTUMSE'"),
                refused(
                        "UTF-16 XML",
                        bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, "<?xml".getBytes(StandardCharsets.UTF_16BE)),
                        "the file starts with '\\uFFFD\\uFFFD\\u0000<\\u0000?\\u0000x\\u0000m\\u0000l'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void refusesAFileInNoSupportedFormatSayingWhatWasExpected(String behaviour, byte[] content, String message) {
        ClosingAwareStream input = new ClosingAwareStream(new ByteArrayInputStream(content));

        assertThatThrownBy(() -> BankFileReaders.open(input))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageEndingWith(message);
        assertThat(input.closed).isTrue();
    }

    @Test
    void handsXmlToTheCamtReaderPastABomAndBlankLinesTheXmlParserWouldRefuse() {
        byte[] sample = CamtReaderTests.sampleBytes("camt.054.001.08-credit-and-return.xml");
        // A declaration must be the very first thing of an XML document: a parser given this refuses it.
        byte[] padded = bytes(BOM, text("\r\n\r\n  "), sample);

        List<BankFileItem> items = readAll(BankFileReaders.open(new ByteArrayInputStream(padded)));

        assertThat(items).containsExactlyElementsOf(CamtReaderTests.readAll(new ByteArrayInputStream(sample)));
        assertThat(items.get(0)).isInstanceOf(FileHeader.class);
        assertThat(((FileHeader) items.get(0)).format()).isEqualTo(BankFileFormat.CAMT_054);
    }

    static Stream<Arguments> everySample() {
        return CamtReaderTests.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void readsEverySampleAsTheCamtReaderDoes(String file, List<BankFileItem> expected) {
        byte[] sample = CamtReaderTests.sampleBytes(file);

        assertThat(readAll(BankFileReaders.open(new ByteArrayInputStream(sample))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void handsMt940ToTheMt940Reader() {
        // Whatever the MT940 reader makes of it, the sniffer did not refuse it and the camt reader never saw it.
        try (BankFileItems items = BankFileReaders.open(new ByteArrayInputStream(text("\r\n" + MT940)))) {
            assertThat(items).isNotNull();
        } catch (UnreadableBankFileException e) {
            assertThat(e.getMessage())
                    .doesNotContain("not a bank file")
                    .doesNotContain("XML")
                    .doesNotContain("camt");
        }
    }

    @Test
    void readsAFileLongerThanWhatItPeeksAt() {
        GeneratedStatement generated = new GeneratedStatement(50);
        int entries = 0;
        try (BankFileItems items = BankFileReaders.open(generated)) {
            while (items.hasNext()) {
                if (items.next() instanceof BankFileItem.Entry) {
                    entries++;
                }
            }
        }

        assertThat(generated.served()).isGreaterThan(BankFileReaders.PEEK_LIMIT * 8L);
        assertThat(entries).isEqualTo(50);
    }

    @Test
    void reportsAnInputThatCannotBeReadAsUnreadable() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> BankFileReaders.open(failing))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessage("the file could not be read: connection reset");
    }

    @Test
    void closesTheInputWhenTheChosenReaderRefusesTheFile() {
        ClosingAwareStream input = new ClosingAwareStream(new ByteArrayInputStream(text(
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.09\"><BkToCstmrStmt/></Document>")));

        assertThatThrownBy(() -> BankFileReaders.open(input))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining("camt.053.001.09 is a version crowdrecon does not read");
        assertThat(input.closed).isTrue();
    }

    private static List<BankFileItem> readAll(BankFileItems opened) {
        List<BankFileItem> items = new ArrayList<>();
        try (BankFileItems read = opened) {
            read.forEachRemaining(items::add);
        }
        return items;
    }

    private static Arguments row(String behaviour, byte[] head, Kind kind, int skip) {
        return Arguments.of(behaviour, head, kind, skip);
    }

    private static Arguments refused(String behaviour, byte[] content, String message) {
        return Arguments.of(behaviour, content, message);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
