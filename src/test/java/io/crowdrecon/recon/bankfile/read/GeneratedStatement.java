package io.crowdrecon.recon.bankfile.read;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A camt.053.001.08 statement of {@code entries} credits of 1.00 EUR, written as it is read: each entry's XML is made
 * when the reader asks for its bytes, so the whole file never exists, in memory or on disk. Counts the bytes served.
 */
final class GeneratedStatement extends InputStream {

    private static final String HEAD =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>GEN-1</MsgId><CreDtTm>2026-04-01T22:00:00Z</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>GEN-STMT-1</Id>
                  <Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id><Ccy>EUR</Ccy></Acct>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-04-01</Dt></Dt></Bal>
                  <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%d.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-04-01</Dt></Dt></Bal>
            """;
    private static final String ENTRY =
            """
                  <Ntry>
                    <Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-04-01</Dt></BookgDt><ValDt><Dt>2026-04-01</Dt></ValDt>
                    <AcctSvcrRef>GEN-%010d</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls><TxDtls>
                      <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                      <Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                      <RltdPties><Dbtr><Pty><Nm>Investor %d</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE12500105170648489890</IBAN></Id></DbtrAcct></RltdPties>
                      <RmtInf><Ustrd>Investment TRX4198398434674323 entry %d</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
            """;
    private static final String TAIL =
            """
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    private final int entries;
    private int written = -1; // -1: the head is next
    private byte[] chunk = new byte[0];
    private int position;
    private long served;
    private boolean done;

    GeneratedStatement(int entries) {
        this.entries = entries;
    }

    /** How many bytes the reader has taken so far. */
    long served() {
        return served;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        served++;
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        served += count;
        return count;
    }

    private boolean fill() {
        while (position == chunk.length) {
            if (done) {
                return false;
            }
            String next;
            if (written < 0) {
                next = HEAD.formatted(entries);
            } else if (written < entries) {
                next = ENTRY.formatted(written, written, written);
            } else {
                next = TAIL;
                done = true;
            }
            written++;
            chunk = next.getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }
}
