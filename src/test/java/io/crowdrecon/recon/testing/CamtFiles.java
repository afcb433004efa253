package io.crowdrecon.recon.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * camt.053.001.08 statements and camt.054.001.08 notifications written for a test, element by element as the ISO 20022
 * schema nests them ({@code BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls}). The closing balance is opening + credits −
 * debits unless the test sets another.
 */
public final class CamtFiles {

    /** One account's statement (or notification) being written. */
    public static final class Statement {
        private final String account;
        private String messageId = "MSG-" + UUID.randomUUID();
        private String statementId = "STMT-" + UUID.randomUUID();
        private Long sequence;
        private LocalDate from;
        private LocalDate to;
        private BigDecimal opening = BigDecimal.ZERO;
        private LocalDate openingDate;
        private BigDecimal closing;
        private final List<String> entries = new ArrayList<>();
        private BigDecimal balance = BigDecimal.ZERO;

        private Statement(String account) {
            this.account = account;
        }

        public Statement messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Statement statementId(String statementId) {
            this.statementId = statementId;
            return this;
        }

        public Statement sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        /** The statement's day: FrToDt, and the dates of its balances. */
        public Statement day(LocalDate day) {
            this.from = day;
            this.to = day;
            this.openingDate = day.minusDays(1);
            return this;
        }

        public Statement opening(String amount) {
            this.opening = new BigDecimal(amount);
            return this;
        }

        /** A closing balance other than the one the entries make (a statement that does not add up). */
        public Statement closing(String amount) {
            this.closing = new BigDecimal(amount);
            return this;
        }

        public BigDecimal closingBalance() {
            return closing != null ? closing : opening.add(balance);
        }

        /** A credit from Mario Rossi's {@code payerIban} (the investor of the test orders) with a remittance line. */
        public Statement credit(String bankReference, String amount, LocalDate booked, String payerIban, String text) {
            balance = balance.add(new BigDecimal(amount));
            entries.add(entry(
                    bankReference,
                    amount,
                    "CRDT",
                    booked,
                    domain("PMNT", "RCDT", "ESCT"),
                    """
                                <NtryDtls>
                                <TxDtls>
                                    <Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                                    <RltdPties>
                                        <Dbtr><Pty><Nm>Mario Rossi</Nm></Pty></Dbtr>
                                        <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct>
                                    </RltdPties>
                                    <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                                </TxDtls>
                                </NtryDtls>"""
                            .formatted(bankReference, payerIban, escape(text))));
            return this;
        }

        /** A debit naming {@code endToEndId} (one of our instructions, or anything else). */
        public Statement debit(String bankReference, String amount, LocalDate booked, String endToEndId) {
            balance = balance.subtract(new BigDecimal(amount));
            entries.add(entry(
                    bankReference,
                    amount,
                    "DBIT",
                    booked,
                    domain("PMNT", "ICDT", "ESCT"),
                    """
                                <NtryDtls>
                                <TxDtls>
                                    <Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>%s</EndToEndId></Refs>
                                </TxDtls>
                                </NtryDtls>"""
                            .formatted(bankReference, endToEndId)));
            return this;
        }

        /**
         * A debit returning the payment {@code endToEndId} names ({@code RtrInf/Rsn/Cd}, such as AC04): what a bank books
         * when one of our instructions comes back unpaid.
         */
        public Statement returned(
                String bankReference, String amount, LocalDate booked, String endToEndId, String reasonCode) {
            balance = balance.subtract(new BigDecimal(amount));
            entries.add(entry(
                    bankReference,
                    amount,
                    "DBIT",
                    booked,
                    domain("PMNT", "ICDT", "RRTN"),
                    """
                                <NtryDtls>
                                <TxDtls>
                                    <Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>%s</EndToEndId></Refs>
                                    <RtrInf><Rsn><Cd>%s</Cd></Rsn><AddtlInf>RETURNED</AddtlInf></RtrInf>
                                </TxDtls>
                                </NtryDtls>"""
                            .formatted(bankReference, endToEndId, reasonCode)));
            return this;
        }

        /** A bank charge: a debit with the bank's own ({@code Prtry}) code, no transaction details, naming nothing. */
        public Statement charge(String bankReference, String amount, LocalDate booked, String text) {
            balance = balance.subtract(new BigDecimal(amount));
            entries.add(entry(
                    bankReference,
                    amount,
                    "DBIT",
                    booked,
                    "<Prtry><Cd>CHRG</Cd><Issr>BANK</Issr></Prtry>",
                    "<AddtlNtryInf>" + escape(text) + "</AddtlNtryInf>"));
            return this;
        }

        /** camt.053.001.08: one statement with its balances. */
        public String camt053() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                        <BkToCstmrStmt>
                            <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT20:00:00Z</CreDtTm></GrpHdr>
                            <Stmt>
                                <Id>%s</Id>
                                %s
                                <CreDtTm>%sT20:00:00Z</CreDtTm>
                                <FrToDt><FrDtTm>%sT00:00:00Z</FrDtTm><ToDtTm>%sT23:59:59Z</ToDtTm></FrToDt>
                                <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                                %s
                                %s
                    %s
                            </Stmt>
                        </BkToCstmrStmt>
                    </Document>
                    """
                    .formatted(
                            messageId,
                            to,
                            statementId,
                            sequence == null ? "" : "<ElctrncSeqNb>" + sequence + "</ElctrncSeqNb>",
                            to,
                            from,
                            to,
                            account,
                            balance("OPBD", opening, openingDate),
                            balance("CLBD", closingBalance(), to),
                            String.join("\n", entries));
        }

        /** camt.054.001.08: the same entries as a notification, without balances. */
        public String camt054() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                        <BkToCstmrDbtCdtNtfctn>
                            <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-01-01T10:00:00Z</CreDtTm></GrpHdr>
                            <Ntfctn>
                                <Id>%s</Id>
                                <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    %s
                            </Ntfctn>
                        </BkToCstmrDbtCdtNtfctn>
                    </Document>
                    """
                    .formatted(messageId, statementId, account, String.join("\n", entries));
        }

        private static String balance(String type, BigDecimal amount, LocalDate date) {
            return """
                    <Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>"""
                    .formatted(type, amount.abs().toPlainString(), amount.signum() < 0 ? "DBIT" : "CRDT", date);
        }

        private static String domain(String domain, String family, String subFamily) {
            return "<Domn><Cd>%s</Cd><Fmly><Cd>%s</Cd><SubFmlyCd>%s</SubFmlyCd></Fmly></Domn>"
                    .formatted(domain, family, subFamily);
        }

        /** An entry; {@code rest} is what follows its bank transaction code ({@code NtryDtls}, {@code AddtlNtryInf}). */
        private static String entry(
                String reference, String amount, String direction, LocalDate booked, String code, String rest) {
            return """
                            <Ntry>
                                <Amt Ccy="EUR">%s</Amt>
                                <CdtDbtInd>%s</CdtDbtInd>
                                <Sts><Cd>BOOK</Cd></Sts>
                                <BookgDt><Dt>%s</Dt></BookgDt>
                                <ValDt><Dt>%s</Dt></ValDt>
                                <AcctSvcrRef>%s</AcctSvcrRef>
                                <BkTxCd>%s</BkTxCd>
                    %s
                            </Ntry>"""
                    .formatted(amount, direction, booked, booked, reference, code, rest);
        }
    }

    private CamtFiles() {}

    public static Statement of(String account) {
        return new Statement(account);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
