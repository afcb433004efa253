package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.InputStream;

/**
 * Reads ISO 20022 camt.052 ({@code BkToCstmrAcctRpt/Rpt}), camt.053 ({@code BkToCstmrStmt/Stmt}) and camt.054
 * ({@code BkToCstmrDbtCdtNtfctn/Ntfctn}) in versions .001.02 to .001.08 into {@link BankFileItem}s, streaming: a StAX
 * pull parser walks the XML and each {@code Ntry} is built from the stream and handed out before the next is read, so
 * that a file of any size never sits in the heap (no String of the file, no DOM).
 *
 * <p>The format and version come from the namespace of the message element (the root, or the first child of a
 * {@code Document} root), never from a file name. Elements are read by local name within their parent, so that
 * optional elements, extensions and element order inside an entry are no concern; the differences between versions
 * that matter are read in each form:
 *
 * <ul>
 *   <li>entry status: {@code Ntry/Sts} is a code up to .06 and {@code Ntry/Sts/Cd} (or {@code Sts/Prtry}) from .07;
 *   <li>related parties: {@code RltdPties/Dbtr/Nm} up to .06 and {@code RltdPties/Dbtr/Pty/Nm} from .07 (the same for
 *       {@code Cdtr});
 *   <li>transaction amount: only {@code TxDtls/AmtDtls/TxAmt/Amt} in .02, also {@code TxDtls/Amt} from .03; the former
 *       is read when both are given;
 *   <li>pagination: {@code GrpHdr/MsgPgntn/PgNb} in every version, {@code Stmt/StmtPgntn} ({@code RptPgntn},
 *       {@code NtfctnPgntn}) from .03; the statement's own is read first.
 * </ul>
 *
 * <p>What the reader refuses, with an {@link UnreadableBankFileException} whose message names the message, the
 * statement (its position in the file and its {@code Id}), the entry index and the line: any DOCTYPE (no DTD is read
 * and no entity resolved), malformed or truncated XML (with the parser's message and position), another message or
 * version, a statement without {@code Id} or {@code Acct}, an entry without {@code Amt}, {@code CdtDbtInd} or
 * {@code Sts}, an amount that is no unsigned decimal, a currency that is no ISO 4217 code, an amount with more decimals
 * than its currency has, a date or number that is none, and a statement header or opening balance after the first
 * entry (its start has gone out by then). Text is kept as the bank wrote it, only the XML whitespace around it removed;
 * an element left empty reads as absent. A date and time without offset is read as UTC.
 */
public final class CamtReader {

    /**
     * Starts reading {@code in}: checks it is a camt message crowdrecon reads and reads its group header.
     *
     * @return the items; {@link BankFileItems#next()} throws {@link UnreadableBankFileException} at the first thing
     *     that is not well-formed, and so may {@link BankFileItems#hasNext()}, which reads ahead
     * @throws UnreadableBankFileException if it is no camt.052/053/054 in a version read, or not well-formed up to the
     *     end of its group header; the input is then closed
     */
    public BankFileItems open(InputStream in) {
        return CamtItems.open(in);
    }
}
