package io.crowdrecon.recon.paymentfile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a SEPA credit transfer initiation ({@code pain.001}, version 09 or 03) as the EPC's SCT customer-to-bank
 * guidelines shape it: payment method {@code TRF}, service level {@code SEPA}, charges {@code SLEV}, amounts in EUR,
 * the end-to-end id per transfer, the creditor's BIC only when known, remittance structured ({@code CdtrRefInf},
 * {@code SCOR}, issuer {@code ISO}) or unstructured.
 *
 * <p>Streaming: the file goes out through a StAX {@link XMLStreamWriter} element by element while the transfers are
 * iterated; no document is built and no transfer is kept after it is written. Because {@code NbOfTxs} and
 * {@code CtrlSum} stand in the group header and in each {@code PmtInf} before the transactions, each group's transfers
 * are iterated twice (see {@link PaymentGroup}): first to compute the totals, then to write. The second pass recounts
 * and the writer throws if the source changed between the passes, so a written file's header always agrees with its
 * body.
 *
 * <p>Blocking I/O on the caller's thread: from reactive code, call it on {@code boundedElastic}. Plain Java (JDK StAX
 * only), stateless and thread-safe.
 */
public final class Pain001Writer {

    private static final String EUR = "EUR";
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    private static final int BUFFER_BYTES = 8192;

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    /**
     * Writes {@code content} as a {@code version} file to {@code out}, UTF-8, and flushes it (without closing it).
     *
     * @return the counts and control sums written in the file
     * @throws IOException if {@code out} fails or the XML cannot be written
     * @throws IllegalArgumentException if a group has no transfer
     * @throws IllegalStateException if a group's transfers changed between the counting and the writing pass (the
     *     bytes written so far must be discarded)
     */
    public PaymentFileTotals write(PaymentFileContent content, Pain001Version version, OutputStream out)
            throws IOException {
        PaymentFileTotals totals = PaymentFileTotals.of(content);
        // The JDK's writer hands the stream every small piece it writes: a bounded buffer keeps system calls few and
        // holds a few transfers at most.
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(buffered, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(version.namespace());
            xml.writeStartElement(version.namespace(), "Document");
            xml.writeDefaultNamespace(version.namespace());
            xml.writeStartElement("CstmrCdtTrfInitn");
            writeGroupHeader(xml, content, totals);
            for (int i = 0; i < content.groups().size(); i++) {
                writePaymentInformation(
                        xml, version, content.groups().get(i), totals.groups().get(i));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the pain.001 file " + content.messageId(), e);
        }
        buffered.flush();
        return totals;
    }

    private static void writeGroupHeader(XMLStreamWriter xml, PaymentFileContent content, PaymentFileTotals totals)
            throws XMLStreamException {
        xml.writeStartElement("GrpHdr");
        element(xml, "MsgId", content.messageId());
        element(xml, "CreDtTm", DateTimeFormatter.ISO_INSTANT.format(content.createdAt()));
        element(xml, "NbOfTxs", Long.toString(totals.count()));
        element(xml, "CtrlSum", totals.sum().toPlainString());
        xml.writeStartElement("InitgPty");
        element(xml, "Nm", content.initiatingPartyName());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writePaymentInformation(
            XMLStreamWriter xml, Pain001Version version, PaymentGroup group, PaymentFileTotals.Group totals)
            throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        element(xml, "PmtInfId", group.paymentInformationId());
        element(xml, "PmtMtd", "TRF");
        element(xml, "NbOfTxs", Long.toString(totals.count()));
        element(xml, "CtrlSum", totals.sum().toPlainString());
        xml.writeStartElement("PmtTpInf");
        xml.writeStartElement("SvcLvl");
        element(xml, "Cd", "SEPA");
        xml.writeEndElement();
        xml.writeEndElement();
        String executionDate = group.requestedExecutionDate().toString();
        if (version == Pain001Version.V09) {
            xml.writeStartElement("ReqdExctnDt");
            element(xml, "Dt", executionDate);
            xml.writeEndElement();
        } else {
            element(xml, "ReqdExctnDt", executionDate);
        }
        xml.writeStartElement("Dbtr");
        element(xml, "Nm", group.debtorName());
        xml.writeEndElement();
        account(xml, "DbtrAcct", group.debtorIban().value());
        // The debtor's agent is mandatory; without its BIC the EPC lets the file say NOTPROVIDED.
        xml.writeStartElement("DbtrAgt");
        xml.writeStartElement("FinInstnId");
        if (group.debtorBic().isPresent()) {
            element(xml, bicElement(version), group.debtorBic().get());
        } else {
            xml.writeStartElement("Othr");
            element(xml, "Id", NOT_PROVIDED);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "ChrgBr", "SLEV");
        long written = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        Iterator<CreditTransfer> transfers = group.transfers().iterator();
        while (transfers.hasNext()) {
            CreditTransfer transfer = transfers.next();
            writeTransfer(xml, version, transfer);
            written++;
            sum = sum.add(transfer.amount());
        }
        if (written != totals.count() || sum.compareTo(totals.sum()) != 0) {
            throw new IllegalStateException("payment-information group " + group.paymentInformationId()
                    + " changed while it was written: counted " + totals.count() + " transfers summing "
                    + totals.sum() + ", then wrote " + written + " summing " + sum);
        }
        xml.writeEndElement();
    }

    private static void writeTransfer(XMLStreamWriter xml, Pain001Version version, CreditTransfer transfer)
            throws XMLStreamException {
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        element(xml, "EndToEndId", transfer.endToEndId());
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", EUR);
        xml.writeCharacters(transfer.amount().toPlainString());
        xml.writeEndElement();
        xml.writeEndElement();
        Optional<String> bic = transfer.creditorBic();
        if (bic.isPresent()) {
            // No BIC, no CdtrAgt at all: the EPC forbids an empty creditor agent.
            xml.writeStartElement("CdtrAgt");
            xml.writeStartElement("FinInstnId");
            element(xml, bicElement(version), bic.get());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeStartElement("Cdtr");
        element(xml, "Nm", transfer.creditorName());
        xml.writeEndElement();
        account(xml, "CdtrAcct", transfer.creditorIban().value());
        xml.writeStartElement("RmtInf");
        if (transfer.remittance() instanceof Remittance.Structured structured) {
            writeCreditorReference(xml, structured.reference());
        } else {
            element(xml, "Ustrd", ((Remittance.Unstructured) transfer.remittance()).text());
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeCreditorReference(XMLStreamWriter xml, String reference) throws XMLStreamException {
        xml.writeStartElement("Strd");
        xml.writeStartElement("CdtrRefInf");
        xml.writeStartElement("Tp");
        xml.writeStartElement("CdOrPrtry");
        element(xml, "Cd", "SCOR");
        xml.writeEndElement();
        element(xml, "Issr", "ISO");
        xml.writeEndElement();
        element(xml, "Ref", reference);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String name, String iban) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeStartElement("Id");
        element(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String bicElement(Pain001Version version) {
        return version == Pain001Version.V09 ? "BICFI" : "BIC";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
