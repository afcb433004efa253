package io.crowdrecon.recon.bankfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One piece of a bank file, in file order, as a reader streams it: the file's header, then for each
 * account statement, report or notification its start, its entries and its end. A reader never
 * holds more than one entry; what it reads is as the bank wrote it (text not normalised, amounts
 * exact), and only what the file says: no defaults invented.
 */
public sealed interface BankFileItem {

    /**
     * The file itself.
     *
     * @param format read from the content
     * @param version the ISO 20022 message version such as {@code 001.08}; null for MT940
     * @param messageId camt {@code GrpHdr/MsgId}; for MT940 the {@code :20:} of its first statement
     * @param createdAt camt {@code GrpHdr/CreDtTm}; null when the file gives none
     */
    record FileHeader(BankFileFormat format, @Nullable String version, String messageId, @Nullable Instant createdAt)
            implements BankFileItem {

        public FileHeader {
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * The start of one account's statement ({@code Stmt}, MT940 message), report ({@code Rpt}) or
     * notification ({@code Ntfctn}).
     *
     * @param statementId camt {@code Id}; MT940 {@code :20:}
     * @param accountIban camt {@code Acct/Id/IBAN}, MT940 {@code :25:} when it is an IBAN; else null
     * @param accountOther the account's other identification when it is not an IBAN ({@code Othr/Id}, a
     *     {@code :25:} of bank code and account number); null otherwise
     * @param accountCurrency camt {@code Acct/Ccy}; MT940 the opening balance's currency; may be null
     * @param sequenceNumber camt {@code ElctrncSeqNb}; MT940 the statement number of {@code :28C:};
     *     null when absent
     * @param legalSequenceNumber camt {@code LglSeqNb}; null when absent
     * @param pageNumber MT940 the page of {@code :28C:} ({@code 123/2} is page 2); camt
     *     {@code MsgPgntn/PgNb}; null when absent
     * @param fromDate camt {@code FrToDt/FrDtTm} as a date; null when absent
     * @param toDate camt {@code FrToDt/ToDtTm} as a date; null when absent
     * @param createdAt camt {@code CreDtTm}; null when absent
     * @param opening the opening booked balance: camt {@code Bal} of type {@code OPBD} (or {@code PRCD}
     *     when no {@code OPBD}), MT940 {@code :60F:}/{@code :60M:}; null when the file gives none
     *     (notifications)
     * @param declaredEntries camt {@code TxsSummry/TtlNtries/NbOfNtries}; null when absent
     * @param declaredSum camt {@code TxsSummry/TtlNtries/Sum} (credits plus debits, unsigned); null when absent
     */
    record StatementStart(
            String statementId,
            @Nullable String accountIban,
            @Nullable String accountOther,
            @Nullable String accountCurrency,
            @Nullable Long sequenceNumber,
            @Nullable Long legalSequenceNumber,
            @Nullable Integer pageNumber,
            @Nullable LocalDate fromDate,
            @Nullable LocalDate toDate,
            @Nullable Instant createdAt,
            @Nullable Balance opening,
            @Nullable Long declaredEntries,
            @Nullable BigDecimal declaredSum)
            implements BankFileItem {}

    /**
     * One entry ({@code Ntry}, an MT940 {@code :61:} with its {@code :86:}).
     *
     * @param index 0-based position of the entry within its statement
     * @param direction camt {@code CdtDbtInd}; MT940 {@code C}/{@code D}, and for a reversal the direction the
     *     money moves, as SWIFT defines the marks and camt writes {@code CdtDbtInd} beside {@code RvslInd}:
     *     {@code RC} (reversal of a credit) is a {@code DEBIT}, {@code RD} (reversal of a debit) a {@code CREDIT}, so
     *     that opening + credits − debits = closing holds for every statement
     * @param reversal camt {@code RvslInd} true; MT940 {@code RC}/{@code RD}
     * @param amount unsigned, exact as written; never null
     * @param currency ISO 4217 as written ({@code Amt/@Ccy}; MT940 the statement's currency)
     * @param status camt {@code Sts} ({@code BOOK}, {@code PDNG}, {@code INFO}); {@code BOOK} for MT940
     * @param bookingDate camt {@code BookgDt}; MT940 the entry date (or the value date when absent)
     * @param valueDate camt {@code ValDt}; MT940 the value date
     * @param accountServicerReference camt {@code AcctSvcrRef}; MT940 the bank reference after
     *     {@code //}; null when absent
     * @param entryReference camt {@code NtryRef}; null when absent
     * @param bankTransactionCode {@code Domn/Cd/Fmly/Cd/SubFmlyCd} as {@code PMNT/RCDT/ESCT}, else
     *     {@code Prtry/Cd} (MT940: the transaction type such as {@code NTRF}, with the {@code :86:} code
     *     such as {@code 166} when the bank gives one, {@code NTRF/166}); null when absent
     * @param additionalInfo camt {@code AddtlNtryInf}; MT940 the booking text of {@code :86:} (DK {@code ?00} such
     *     as {@code SEPA-GUTSCHRIFT}, slash-keyed {@code /TRTP/}); null when absent
     * @param transactions the entry's transaction details ({@code NtryDtls/TxDtls}, in order; MT940 one,
     *     from {@code :61:} and {@code :86:}); empty when the bank gives none
     */
    record Entry(
            int index,
            Direction direction,
            boolean reversal,
            BigDecimal amount,
            @Nullable String currency,
            String status,
            @Nullable LocalDate bookingDate,
            @Nullable LocalDate valueDate,
            @Nullable String accountServicerReference,
            @Nullable String entryReference,
            @Nullable String bankTransactionCode,
            @Nullable String additionalInfo,
            List<Transaction> transactions)
            implements BankFileItem {

        public Entry {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(amount, "amount");
            transactions = transactions == null ? List.of() : List.copyOf(transactions);
        }
    }

    /**
     * One transaction of an entry ({@code TxDtls}); a batch entry has several.
     *
     * @param amount {@code AmtDtls/TxAmt/Amt}, else {@code Amt}; null when the bank gives none (the
     *     entry's amount then applies)
     * @param currency of {@code amount}; null with it
     * @param accountServicerReference {@code Refs/AcctSvcrRef}
     * @param endToEndId {@code Refs/EndToEndId} (MT940 {@code EREF+} or {@code /EREF/}); {@code NOTPROVIDED}
     *     is kept as written
     * @param instructionId {@code Refs/InstrId}; MT940 the {@code :61:} reference for the account owner, null
     *     when it is {@code NONREF}
     * @param transactionId {@code Refs/TxId}
     * @param debtorName {@code RltdPties/Dbtr} name (v02 {@code Dbtr/Nm}, v08 {@code Dbtr/Pty/Nm}); MT940
     *     the counterparty of a credit
     * @param debtorIban {@code RltdPties/DbtrAcct/Id/IBAN}; MT940 the counterparty's IBAN of a credit
     * @param creditorName {@code RltdPties/Cdtr} name; MT940 the counterparty of a debit
     * @param creditorIban {@code RltdPties/CdtrAcct/Id/IBAN}; MT940 the counterparty's IBAN of a debit
     * @param unstructured {@code RmtInf/Ustrd} lines in order (MT940 {@code SVWZ+}, {@code /REMI/} or the
     *     free text of {@code :86:})
     * @param structuredReferences {@code RmtInf/Strd/CdtrRefInf/Ref}, in order
     * @param returnReason {@code RtrInf/Rsn/Cd} (or {@code Prtry}) such as {@code AC04}; MT940 the reason
     *     of a return ({@code /RTRN/MS03/}, or the code in the text of a {@code :86:} whose booking text says
     *     return), {@code NARR} when the bank says return but gives no code; null when the transaction is no
     *     return
     * @param additionalInfo {@code AddtlTxInf}; MT940 the supplementary details of {@code :61:} (its second line)
     */
    record Transaction(
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String accountServicerReference,
            @Nullable String endToEndId,
            @Nullable String instructionId,
            @Nullable String transactionId,
            @Nullable String debtorName,
            @Nullable String debtorIban,
            @Nullable String creditorName,
            @Nullable String creditorIban,
            List<String> unstructured,
            List<String> structuredReferences,
            @Nullable String returnReason,
            @Nullable String additionalInfo) {

        public Transaction {
            unstructured = unstructured == null ? List.of() : List.copyOf(unstructured);
            structuredReferences = structuredReferences == null ? List.of() : List.copyOf(structuredReferences);
        }

        /** Whether the bank says this transaction returns an earlier payment. */
        public boolean isReturn() {
            return returnReason != null;
        }
    }

    /**
     * The end of one account's statement, report or notification.
     *
     * @param closing the closing booked balance: camt {@code CLBD}, MT940 {@code :62F:}/{@code :62M:};
     *     null when the file gives none
     * @param closingAvailable camt {@code CLAV}, MT940 {@code :64:}; null when absent
     */
    record StatementEnd(@Nullable Balance closing, @Nullable Balance closingAvailable) implements BankFileItem {}

    /**
     * A pain.002 status report's answer to the whole payment file it reports on ({@code OrgnlGrpInfAndSts}); it comes
     * right after the {@link FileHeader}, before any {@link PaymentInformationStatus} or {@link TransactionStatus}.
     *
     * @param originalMessageId {@code OrgnlMsgId}: the {@code MsgId} of our pain.001; never null
     * @param originalMessageName {@code OrgnlMsgNmId} as written, such as {@code pain.001.001.09}
     * @param originalNumberOfTransactions {@code OrgnlNbOfTxs}; null when absent
     * @param originalControlSum {@code OrgnlCtrlSum}, exact as written; null when absent
     * @param groupStatus {@code GrpSts} as written ({@code ACCP}, {@code ACSC}, {@code PART}, {@code RJCT}, …); null
     *     when the bank answers per payment information block or transaction only
     * @param reasons {@code StsRsnInf}, in order
     */
    record StatusReport(
            String originalMessageId,
            @Nullable String originalMessageName,
            @Nullable Long originalNumberOfTransactions,
            @Nullable BigDecimal originalControlSum,
            @Nullable String groupStatus,
            List<StatusReason> reasons)
            implements BankFileItem {

        public StatusReport {
            Objects.requireNonNull(originalMessageId, "originalMessageId");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /**
     * A pain.002's answer to one payment information block of the file ({@code OrgnlPmtInfAndSts}); the
     * {@link TransactionStatus}es of the block follow it.
     *
     * @param originalPaymentInformationId {@code OrgnlPmtInfId}; never null
     * @param status {@code PmtInfSts} as written; null when absent
     * @param reasons {@code StsRsnInf}, in order
     */
    record PaymentInformationStatus(
            String originalPaymentInformationId, @Nullable String status, List<StatusReason> reasons)
            implements BankFileItem {

        public PaymentInformationStatus {
            Objects.requireNonNull(originalPaymentInformationId, "originalPaymentInformationId");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /**
     * A pain.002's answer to one transfer ({@code TxInfAndSts}).
     *
     * @param index 0-based position of the transaction within its report
     * @param originalPaymentInformationId the {@code OrgnlPmtInfId} of the block it is in
     * @param statusId {@code StsId}; null when absent
     * @param originalInstructionId {@code OrgnlInstrId}; null when absent
     * @param originalEndToEndId {@code OrgnlEndToEndId}: our payment instruction's id; null when absent
     * @param originalUetr {@code OrgnlUETR} (from .001.09); null when absent
     * @param status {@code TxSts} as written; null when absent (the block's or the group's status applies)
     * @param reasons {@code StsRsnInf}, in order: {@code AC01}, {@code AC04}, {@code AM04}, … for a rejection
     * @param amount {@code OrgnlTxRef/Amt/InstdAmt}, exact as written; null when absent
     * @param currency of {@code amount}; null with it
     * @param acceptedAt {@code AccptncDtTm}; null when absent
     * @param accountServicerReference {@code AcctSvcrRef}; null when absent
     */
    record TransactionStatus(
            int index,
            String originalPaymentInformationId,
            @Nullable String statusId,
            @Nullable String originalInstructionId,
            @Nullable String originalEndToEndId,
            @Nullable String originalUetr,
            @Nullable String status,
            List<StatusReason> reasons,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable Instant acceptedAt,
            @Nullable String accountServicerReference)
            implements BankFileItem {

        public TransactionStatus {
            Objects.requireNonNull(originalPaymentInformationId, "originalPaymentInformationId");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /**
     * One {@code StsRsnInf} of a status report.
     *
     * @param code {@code Rsn/Cd} (an ISO external status reason code such as {@code AC04}) or {@code Rsn/Prtry}; null
     *     when the bank gives only text
     * @param additionalInfo the {@code AddtlInf} lines joined by a space; null when absent
     */
    record StatusReason(@Nullable String code, @Nullable String additionalInfo) {}

    /** Money into the account ({@code CRDT}, {@code C}) or out of it ({@code DBIT}, {@code D}). */
    enum Direction {
        CREDIT,
        DEBIT
    }
}
