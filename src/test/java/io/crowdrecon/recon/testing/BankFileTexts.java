package io.crowdrecon.recon.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bank files of the formats and versions {@link CamtFiles} does not write (MT940 of two kinds, camt.052.001.02,
 * camt.053.001.02 and .04, camt.054.001.04), each written for a test from its standard's structure with the optional
 * parts real banks send, as templates of one day's credits to one account. Every credit is from Mario Rossi (the
 * investor of the test orders).
 */
public final class BankFileTexts {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");
    /** SWIFT's line length, at which banks wrap {@code :86:}. */
    private static final int MT_LINE = 65;
    /** The length of one DK {@code :86:} subfield {@code ?20}–{@code ?29}. */
    private static final int DK_SUBFIELD = 27;

    private BankFileTexts() {}

    /** A reference of the length MT940 allows a bank reference (16), never used before. */
    public static String bankReference() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    // --- MT940

    /**
     * An MT940 statement of {@code day} (opening 0) with one SEPA credit whose {@code :86:} is structured as German
     * banks write it (DFÜ-Abkommen): GVC 166, {@code ?00} booking text, {@code ?20}–{@code ?29} purpose subfields of at
     * most 27 characters holding {@code EREF+} and {@code SVWZ+} (the order id cut across two of them, as a bank cuts
     * it), {@code ?30} BIC, {@code ?31} IBAN and {@code ?32} name of the payer; the field wrapped at 65 characters.
     */
    public static String mt940German(
            String account, LocalDate day, String bankReference, String amount, String payerIban, String orderId) {
        List<String> purpose = new ArrayList<>();
        purpose.add("EREF+E2E" + day.format(YYMMDD) + bankReference.substring(0, 8));
        String text = "SVWZ+Zeichnung Seed-Runde Order " + orderId + " Mario Rossi";
        for (int i = 0; i < text.length(); i += DK_SUBFIELD) {
            purpose.add(text.substring(i, Math.min(text.length(), i + DK_SUBFIELD)));
        }
        StringBuilder information = new StringBuilder("166?00SEPA-GUTSCHRIFT?109310");
        for (int i = 0; i < purpose.size(); i++) {
            information.append("?2").append(i).append(purpose.get(i));
        }
        information.append("?30COBADEFFXXX?31").append(payerIban).append("?32Mario Rossi");
        return mt940(
                account,
                day,
                amount,
                ":61:" + day.format(YYMMDD) + day.format(MMDD) + "CR" + mt(amount) + "NTRFNONREF//" + bankReference
                        + "\n:86:" + wrapped(information.toString()));
    }

    /**
     * An MT940 statement of {@code day} (opening 0) with one credit whose {@code :86:} is free text over several lines,
     * as British and many other banks write it: no subfields, no payer's account.
     */
    public static String mt940FreeText(
            String account, LocalDate day, String bankReference, String amount, String text) {
        return mt940(
                account,
                day,
                amount,
                ":61:" + day.format(YYMMDD) + day.format(MMDD) + "C" + mt(amount) + "NTRFPAYREF1//" + bankReference
                        + "\n:86:" + text + "\nfrom MARIO ROSSI\nRef 12345");
    }

    private static String mt940(String account, LocalDate day, String amount, String lines) {
        return ":20:" + bankReference() + "\n"
                + ":25:" + account + "\n"
                + ":28C:00001/001\n"
                + ":60F:C" + day.minusDays(1).format(YYMMDD) + "EUR0,00\n"
                + lines + "\n"
                + ":62F:C" + day.format(YYMMDD) + "EUR" + mt(amount) + "\n"
                + "-\n";
    }

    private static String mt(String amount) {
        return amount.replace('.', ',');
    }

    private static String wrapped(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i += MT_LINE - 4) {
            out.append(i == 0 ? "" : "\n").append(field, i, Math.min(field.length(), i + MT_LINE - 4));
        }
        return out.toString();
    }

    // --- camt.052.001.02

    /**
     * A camt.052.001.02 intraday report of {@code day} (BankToCustomerAccountReportV02): an opening and an interim
     * (ITBD) balance but no closing one, a booked credit ({@code Sts} a code, {@code Dbtr/Nm}) naming the order, and a
     * pending (PDNG) credit without booking date that is never decided.
     */
    public static String camt052v02(
            String account, LocalDate day, String bankReference, String amount, String payerIban, String text) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- camt.052.001.02 (BankToCustomerAccountReportV02) -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02">
                  <BkToCstmrAcctRpt>
                    <GrpHdr><MsgId>RPT-%1$s</MsgId><CreDtTm>%2$sT12:00:04+01:00</CreDtTm></GrpHdr>
                    <Rpt>
                      <Id>RPT-%1$s-1200</Id>
                      <ElctrncSeqNb>212</ElctrncSeqNb>
                      <CreDtTm>%2$sT12:00:04+01:00</CreDtTm>
                      <FrToDt><FrDtTm>%2$sT00:00:00+01:00</FrDtTm><ToDtTm>%2$sT12:00:00+01:00</ToDtTm></FrToDt>
                      <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt>
                      </Bal>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>ITBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><DtTm>%2$sT12:00:00+01:00</DtTm></Dt>
                      </Bal>
                      <Ntry>
                        <Amt Ccy="EUR">%4$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>SDVA</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><AcctSvcrRef>%1$s</AcctSvcrRef></Refs>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%5$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>%6$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                      <Ntry>
                        <NtryRef>PDNG-%1$s</NtryRef>
                        <Amt Ccy="EUR">2200.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>PDNG</Sts>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <RltdPties><Dbtr><Nm>Van Dijk Beheer B.V.</Nm></Dbtr></RltdPties>
                            <RmtInf><Ustrd>%6$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Rpt>
                  </BkToCstmrAcctRpt>
                </Document>
                """
                .formatted(bankReference, day, account, amount, payerIban, text);
    }

    // --- camt.053.001.02

    /**
     * A camt.053.001.02 statement of {@code day} (BankToCustomerStatementV02; opening 0) with a batch entry of 2 ×
     * 1100.00 (its {@code Btch}, then two {@code TxDtls} whose amounts are {@code AmtDtls/TxAmt}, as in .02, and that
     * carry no reference of their own) paying {@code first} and {@code second}, and an entry with an {@code NtryRef}
     * but no {@code AcctSvcrRef} paying {@code third}. Debtors as {@code Dbtr/Nm}, without {@code Pty}.
     */
    public static String camt053v02(
            String account,
            LocalDate day,
            String batchReference,
            String entryReference,
            String payerIban,
            String first,
            String second,
            String third) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- camt.053.001.02 (BankToCustomerStatementV02) -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <BkToCstmrStmt>
                    <GrpHdr>
                      <MsgId>STMT-%1$s</MsgId>
                      <CreDtTm>%2$sT22:15:00+01:00</CreDtTm>
                      <MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn>
                    </GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s-1</Id>
                      <ElctrncSeqNb>64</ElctrncSeqNb>
                      <LglSeqNb>64</LglSeqNb>
                      <CreDtTm>%2$sT22:15:00+01:00</CreDtTm>
                      <FrToDt><FrDtTm>%2$sT00:00:00+01:00</FrDtTm><ToDtTm>%2$sT23:59:59+01:00</ToDtTm></FrToDt>
                      <Acct>
                        <Id><IBAN>%3$s</IBAN></Id>
                        <Ccy>EUR</Ccy>
                        <Ownr><Nm>Crowd One Srl</Nm></Ownr>
                        <Svcr><FinInstnId><BIC>BPMOIT22XXX</BIC></FinInstnId></Svcr>
                      </Acct>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt>
                      </Bal>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">3300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt>
                      </Bal>
                      <TxsSummry>
                        <TtlNtries><NbOfNtries>2</NbOfNtries><Sum>3300.00</Sum><TtlNetNtryAmt>3300.00</TtlNetNtryAmt><CdtDbtInd>CRDT</CdtDbtInd></TtlNtries>
                        <TtlCdtNtries><NbOfNtries>2</NbOfNtries><Sum>3300.00</Sum></TtlCdtNtries>
                      </TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">2200.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%4$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <Btch><NbOfTxs>2</NbOfTxs><TtlAmt Ccy="EUR">2200.00</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>
                          <TxDtls>
                            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <AmtDtls><TxAmt><Amt Ccy="EUR">1100.00</Amt></TxAmt></AmtDtls>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%6$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>Subscription %7$s</Ustrd></RmtInf>
                          </TxDtls>
                          <TxDtls>
                            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <AmtDtls><TxAmt><Amt Ccy="EUR">1100.00</Amt></TxAmt></AmtDtls>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%6$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>Subscription</Ustrd><Ustrd>%8$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                      <Ntry>
                        <NtryRef>%5$s</NtryRef>
                        <Amt Ccy="EUR">1100.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%6$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>Investment %9$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """
                .formatted(messageId(), day, account, batchReference, entryReference, payerIban, first, second, third);
    }

    // --- camt.053.001.04

    /**
     * A camt.053.001.04 statement of {@code day} (BankToCustomerStatementV04; opening 0) with one credit whose bank
     * transaction code is only the bank's own ({@code Prtry}, a German GVC), whose {@code TxDtls} carry their own
     * {@code Amt} and {@code CdtDbtInd} (the .04 form) and whose remittance is only structured: a creditor reference
     * ({@code Strd/CdtrRefInf}, type SCOR) and no unstructured text.
     */
    public static String camt053v04(
            String account, LocalDate day, String bankReference, String payerIban, String creditorReference) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- camt.053.001.04 (BankToCustomerStatementV04) -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-%1$s</MsgId><CreDtTm>%2$sT22:10:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s-1</Id>
                      <StmtPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></StmtPgntn>
                      <ElctrncSeqNb>65</ElctrncSeqNb>
                      <CreDtTm>%2$sT22:10:00+01:00</CreDtTm>
                      <FrToDt><FrDtTm>%2$sT00:00:00+01:00</FrDtTm><ToDtTm>%2$sT23:59:59+01:00</ToDtTm></FrToDt>
                      <Acct>
                        <Id><IBAN>%3$s</IBAN></Id>
                        <Ccy>EUR</Ccy>
                        <Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr>
                      </Acct>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt>
                      </Bal>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">1100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt>
                      </Bal>
                      <Ntry>
                        <Amt Ccy="EUR">1100.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%4$s</AcctSvcrRef>
                        <BkTxCd><Prtry><Cd>NTRF+166+00931</Cd><Issr>DK</Issr></Prtry></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><AcctSvcrRef>%4$s</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <Amt Ccy="EUR">1100.00</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%5$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf>
                              <Strd>
                                <CdtrRefInf>
                                  <Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
                                  <Ref>%6$s</Ref>
                                </CdtrRefInf>
                              </Strd>
                            </RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """
                .formatted(messageId(), day, account, bankReference, payerIban, creditorReference);
    }

    // --- camt.054.001.04

    /**
     * A camt.054.001.04 credit notification (BankToCustomerDebitCreditNotificationV04) with {@code NtfctnPgntn} and
     * {@code TxsSummry}: one credit naming the order in its unstructured remittance.
     */
    public static String camt054v04(
            String account, LocalDate day, String bankReference, String amount, String payerIban, String text) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- camt.054.001.04 (BankToCustomerDebitCreditNotificationV04) -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-%1$s</MsgId><CreDtTm>%2$sT16:02:00+01:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-%1$s-1</Id>
                      <NtfctnPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></NtfctnPgntn>
                      <ElctrncSeqNb>460</ElctrncSeqNb>
                      <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>%4$s</Sum></TtlNtries></TxsSummry>
                      <Ntry>
                        <Amt Ccy="EUR">%4$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt>
                        <ValDt><Dt>%2$s</Dt></ValDt>
                        <AcctSvcrRef>%5$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><AcctSvcrRef>%5$s</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <Amt Ccy="EUR">%4$s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <RltdPties>
                              <Dbtr><Nm>Mario Rossi</Nm></Dbtr>
                              <DbtrAcct><Id><IBAN>%6$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>%7$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """
                .formatted(messageId(), day, account, amount, bankReference, payerIban, text);
    }

    /** A message or statement id of 24 characters (ISO 20022 allows 35), never used before. */
    private static String messageId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
    }
}
