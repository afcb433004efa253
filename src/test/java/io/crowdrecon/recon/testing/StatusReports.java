package io.crowdrecon.recon.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pain.002 customer payment status report (version .001.10, as banks write it: a group header with the bank as
 * initiating party, counts per status, the original transaction's reference), answering one of our payment files.
 */
public final class StatusReports {

    private final String messageId = "PSR-" + UUID.randomUUID().toString().substring(0, 12);
    private final String originalMessageId;
    private @Nullable String groupStatus;
    private @Nullable String blockStatus;
    private final List<String> transactions = new ArrayList<>();

    private StatusReports(String originalMessageId) {
        this.originalMessageId = originalMessageId;
    }

    /** A report answering the pain.001 whose {@code MsgId} is {@code originalMessageId}. */
    public static StatusReports answering(String originalMessageId) {
        return new StatusReports(originalMessageId);
    }

    public StatusReports groupStatus(String status) {
        this.groupStatus = status;
        return this;
    }

    public StatusReports blockStatus(String status) {
        this.blockStatus = status;
        return this;
    }

    /** One transfer's answer; {@code reason} (e.g. AC04) for a rejection, else null. */
    public StatusReports transaction(String endToEndId, String status, @Nullable String reason, String amount) {
        transactions.add(
                """
                      <TxInfAndSts>
                        <StsId>%s</StsId>
                        <OrgnlEndToEndId>%s</OrgnlEndToEndId>
                        <TxSts>%s</TxSts>%s
                        <AcctSvcrRef>REF-%s</AcctSvcrRef>
                        <OrgnlTxRef>
                          <Amt><InstdAmt Ccy="EUR">%s</InstdAmt></Amt>
                          <ReqdExctnDt><Dt>2026-12-08</Dt></ReqdExctnDt>
                        </OrgnlTxRef>
                      </TxInfAndSts>"""
                        .formatted(
                                "S-" + transactions.size(),
                                endToEndId,
                                status,
                                reason == null
                                        ? ""
                                        : "\n            <StsRsnInf><Rsn><Cd>" + reason
                                                + "</Cd></Rsn><AddtlInf>Refused by the bank</AddtlInf></StsRsnInf>",
                                transactions.size(),
                                amount));
        return this;
    }

    public String messageId() {
        return messageId;
    }

    public String xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>2026-12-08T08:00:00.000+01:00</CreDtTm>
                      <InitgPty><Nm>Musterbank AG</Nm></InitgPty>
                    </GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>%s</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>%s
                    </OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>%s-1</OrgnlPmtInfId>%s
                %s
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """
                .formatted(
                        messageId,
                        originalMessageId,
                        groupStatus == null ? "" : "\n      <GrpSts>" + groupStatus + "</GrpSts>",
                        originalMessageId,
                        blockStatus == null ? "" : "\n      <PmtInfSts>" + blockStatus + "</PmtInfSts>",
                        String.join("\n", transactions));
    }
}
