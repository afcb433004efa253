package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.PaymentInformationStatus;
import io.crowdrecon.recon.bankfile.BankFileItem.StatusReason;
import io.crowdrecon.recon.bankfile.BankFileItem.StatusReport;
import io.crowdrecon.recon.bankfile.BankFileItem.TransactionStatus;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an ISO 20022 pain.002 customer payment status report ({@code CstmrPmtStsRpt}, versions .001.03 to .001.14)
 * into {@link BankFileItem}s, streaming like {@link CamtItems}: the {@link FileHeader}, the {@link StatusReport} of the
 * original message, then for each {@code OrgnlPmtInfAndSts} its {@link PaymentInformationStatus} and one
 * {@link TransactionStatus} per {@code TxInfAndSts}, each handed out before the next is read.
 *
 * <p>Elements are read by local name within their parent, whatever their order, prefix or the optional elements
 * around them (charges, the original transaction's parties, supplementary data), so the versions' differences do not
 * matter here: {@code OrgnlUETR} exists from .001.09 and is read where it is; a status is read as text or as a
 * {@code Cd}/{@code Prtry} choice. What the report answers is kept as written: which statuses count as executed or
 * rejected is the booking's decision, not the reader's.
 *
 * <p>Refused, with an {@link UnreadableBankFileException} naming the element and line: a DOCTYPE, malformed XML,
 * another message or version, a missing {@code GrpHdr/MsgId}, {@code OrgnlGrpInfAndSts} or {@code OrgnlMsgId}, an
 * {@code OrgnlGrpInfAndSts} after a payment information block, an {@code OrgnlPmtInfAndSts} without
 * {@code OrgnlPmtInfId}, and an amount, currency, number or date-time that is none.
 */
final class Pain002Items extends XmlItems {

    static final String MESSAGE_ELEMENT = "CstmrPmtStsRpt";

    private static final Pattern PAIN_002 =
            Pattern.compile(Pattern.quote(CamtMessage.NAMESPACE_PREFIX) + "pain\\.002\\.(001\\.(\\d{2}))");
    private static final int OLDEST_VERSION = 3;
    private static final int NEWEST_VERSION = 14;

    private final String version;
    private String context = "GrpHdr";
    private boolean reportRead;
    private int transactions;
    // The block being read: its id once known, and whether its PaymentInformationStatus went out.
    private @Nullable Block block;

    private Pain002Items(XmlCursor xml, InputStream input, String version) {
        super(xml, input);
        this.version = version;
    }

    /** Whether {@code namespace} is a pain.002's, of any version. */
    static boolean isPain002(String namespace) {
        return namespace.startsWith(CamtMessage.NAMESPACE_PREFIX + "pain.002.");
    }

    /**
     * Reads {@code in} up to the end of its group header.
     *
     * @throws UnreadableBankFileException if it is no pain.002 in a version read, or not well-formed so far; the input
     *     is then closed
     */
    static Pain002Items open(InputStream in) {
        XmlCursor xml = XmlCursor.over(in);
        try {
            xml.toRoot();
            if ("Document".equals(xml.localName()) && !xml.nextChild()) {
                throw new UnreadableBankFileException("the XML Document is empty: expected a pain.002 message in it");
            }
            return at(xml, in);
        } catch (RuntimeException e) {
            xml.close();
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads on from {@code xml}, positioned on the message element, up to the end of its group header. */
    static Pain002Items at(XmlCursor xml, InputStream in) {
        Pain002Items items = new Pain002Items(xml, in, versionOf(xml.namespace(), xml.localName()));
        items.ready.add(items.readGroupHeader());
        return items;
    }

    private static String versionOf(String namespace, String localName) {
        Matcher matcher = PAIN_002.matcher(namespace);
        if (!matcher.matches()) {
            throw new UnreadableBankFileException("not an ISO 20022 pain.002 message: element " + localName
                    + (namespace.isEmpty() ? " has no namespace" : " is in namespace '" + namespace + "'"));
        }
        int minor = Integer.parseInt(matcher.group(2));
        if (minor < OLDEST_VERSION || minor > NEWEST_VERSION) {
            throw new UnreadableBankFileException("pain.002." + matcher.group(1)
                    + " is a version crowdrecon does not read: it reads pain.002 in versions .001.03 to .001.14");
        }
        if (!MESSAGE_ELEMENT.equals(localName)) {
            throw new UnreadableBankFileException(
                    "a pain.002 document holds " + MESSAGE_ELEMENT + ", not " + localName);
        }
        return matcher.group(1);
    }

    private FileHeader readGroupHeader() {
        if (!xml.nextChild() || !"GrpHdr".equals(xml.localName())) {
            throw fail("GrpHdr is missing (it comes first)");
        }
        int line = xml.line();
        String messageId = null;
        Instant createdAt = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "MsgId" -> messageId = xml.text();
                case "CreDtTm" -> createdAt = value("CreDtTm", CamtValues::instant);
                default -> xml.skip();
            }
        }
        if (messageId == null) {
            throw failAt(line, "MsgId is missing");
        }
        context = MESSAGE_ELEMENT;
        return new FileHeader(BankFileFormat.PAIN_002, version, messageId, createdAt);
    }

    // One step: the report, a block's status, a transaction's, or the document's end.
    @Override
    void step() {
        if (block != null) {
            continueBlock();
            return;
        }
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "OrgnlGrpInfAndSts" -> {
                    if (reportRead) {
                        throw fail("OrgnlGrpInfAndSts comes once, before the payment information blocks");
                    }
                    reportRead = true;
                    context = "OrgnlGrpInfAndSts";
                    ready.add(readReport());
                    return;
                }
                case "OrgnlPmtInfAndSts" -> {
                    requireReport();
                    block = new Block(xml.line());
                    context = "OrgnlPmtInfAndSts";
                    continueBlock();
                    return;
                }
                default -> xml.skip(); // SplmtryData, or anything a later version adds
            }
        }
        requireReport();
        xml.toEnd();
        finished = true;
    }

    private void requireReport() {
        if (!reportRead) {
            throw fail("OrgnlGrpInfAndSts is missing (it comes after GrpHdr)");
        }
    }

    private StatusReport readReport() {
        int line = xml.line();
        String originalMessageId = null;
        String originalMessageName = null;
        Long count = null;
        BigDecimal controlSum = null;
        String status = null;
        List<StatusReason> reasons = new ArrayList<>();
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "OrgnlMsgId" -> originalMessageId = xml.text();
                case "OrgnlMsgNmId" -> originalMessageName = xml.text();
                case "OrgnlNbOfTxs" -> count = value("OrgnlNbOfTxs", CamtValues::whole);
                case "OrgnlCtrlSum" -> controlSum = value("OrgnlCtrlSum", CamtValues::decimal);
                case "GrpSts" -> status = xml.code();
                case "StsRsnInf" -> reasons.add(readReason());
                default -> xml.skip();
            }
        }
        if (originalMessageId == null) {
            throw failAt(line, "OrgnlMsgId is missing");
        }
        return new StatusReport(originalMessageId, originalMessageName, count, controlSum, status, reasons);
    }

    // Reads the block's own parts up to its next transaction (or its end), handing out its status first.
    private void continueBlock() {
        Block current = current();
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "OrgnlPmtInfId" -> current.id = xml.text();
                case "PmtInfSts" -> current.status = xml.code();
                case "StsRsnInf" -> current.reasons.add(readReason());
                case "TxInfAndSts" -> {
                    announce(current);
                    context = "OrgnlPmtInfAndSts " + current.id + ", TxInfAndSts " + (transactions + 1);
                    ready.add(readTransaction(current.id()));
                    return;
                }
                default -> xml.skip();
            }
        }
        announce(current);
        block = null;
        context = MESSAGE_ELEMENT;
    }

    private void announce(Block current) {
        if (!current.announced) {
            current.announced = true;
            ready.add(new PaymentInformationStatus(current.id(), current.status, current.reasons));
        }
    }

    private TransactionStatus readTransaction(String blockId) {
        String statusId = null;
        String instructionId = null;
        String endToEndId = null;
        String uetr = null;
        String status = null;
        List<StatusReason> reasons = new ArrayList<>();
        Amount amount = null;
        Instant acceptedAt = null;
        String servicerReference = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "StsId" -> statusId = xml.text();
                case "OrgnlInstrId" -> instructionId = xml.text();
                case "OrgnlEndToEndId" -> endToEndId = xml.text();
                case "OrgnlUETR" -> uetr = xml.text();
                case "TxSts" -> status = xml.code();
                case "StsRsnInf" -> reasons.add(readReason());
                case "AccptncDtTm" -> acceptedAt = value("AccptncDtTm", CamtValues::instant);
                case "AcctSvcrRef" -> servicerReference = xml.text();
                case "OrgnlTxRef" -> amount = readOriginalAmount();
                default -> xml.skip();
            }
        }
        return new TransactionStatus(
                transactions++,
                blockId,
                statusId,
                instructionId,
                endToEndId,
                uetr,
                status,
                reasons,
                amount == null ? null : amount.value(),
                amount == null ? null : amount.currency(),
                acceptedAt,
                servicerReference);
    }

    // OrgnlTxRef/Amt/InstdAmt: what we asked to pay; the rest of the original transaction is ours already.
    private @Nullable Amount readOriginalAmount() {
        Amount amount = null;
        while (xml.nextChild()) {
            if (!"Amt".equals(xml.localName())) {
                xml.skip();
                continue;
            }
            while (xml.nextChild()) {
                if ("InstdAmt".equals(xml.localName())) {
                    int line = xml.line();
                    String currency = xml.attribute("Ccy");
                    String text = xml.text();
                    amount = checked(line, text, currency);
                } else {
                    xml.skip();
                }
            }
        }
        return amount;
    }

    private Amount checked(int line, @Nullable String text, @Nullable String currency) {
        try {
            BigDecimal value = CamtValues.amount(text);
            String code = CamtValues.currency(currency);
            CamtValues.withinMinorDigits(value, code);
            return new Amount(value, code);
        } catch (IllegalArgumentException e) {
            throw failAt(line, "OrgnlTxRef/Amt/InstdAmt " + (currency == null ? "has no Ccy" : e.getMessage()));
        }
    }

    private StatusReason readReason() {
        String code = null;
        List<String> info = new ArrayList<>();
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Rsn" -> code = xml.code();
                case "AddtlInf" -> {
                    String line = xml.text();
                    if (line != null) {
                        info.add(line);
                    }
                }
                default -> xml.skip(); // Orgtr
            }
        }
        return new StatusReason(code, info.isEmpty() ? null : String.join(" ", info));
    }

    private Block current() {
        if (block == null) {
            throw new IllegalStateException("no payment information block is being read");
        }
        return block;
    }

    @Override
    UnreadableBankFileException failAt(int line, String reason) {
        return new UnreadableBankFileException(
                "pain.002." + version + " " + context + ", line " + line + ": " + reason);
    }

    private record Amount(BigDecimal value, String currency) {}

    /** One {@code OrgnlPmtInfAndSts} while it is read: its parts come before its transactions. */
    private final class Block {
        private final int line;
        private @Nullable String id;
        private @Nullable String status;
        private final List<StatusReason> reasons = new ArrayList<>();
        private boolean announced;

        Block(int line) {
            this.line = line;
        }

        String id() {
            if (id == null) {
                throw failAt(line, "OrgnlPmtInfId is missing (it comes first in OrgnlPmtInfAndSts)");
            }
            return id;
        }
    }
}
