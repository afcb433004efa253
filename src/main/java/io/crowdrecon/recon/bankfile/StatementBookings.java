package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.UnreceivedCredits;
import io.crowdrecon.recon.paymentfile.PaymentFiles;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.IdGenerator;
import java.time.Clock;

/** What booking a file's statements needs from the other capabilities; one {@link FileBooking} per file. */
public class StatementBookings {

    final BankStatements statements;
    final StatementBooks books;
    final ReconcileIncomingCredits reconcile;
    final ApplyBankDebit debits;
    final UnreceivedCredits unreceived;
    final ReviewItems reviewItems;
    final PaymentFiles paymentFiles;
    final IdGenerator ids;
    final Clock clock;

    public StatementBookings(
            BankStatements statements,
            StatementBooks books,
            ReconcileIncomingCredits reconcile,
            ApplyBankDebit debits,
            UnreceivedCredits unreceived,
            ReviewItems reviewItems,
            PaymentFiles paymentFiles,
            IdGenerator ids,
            Clock clock) {
        this.statements = statements;
        this.books = books;
        this.reconcile = reconcile;
        this.debits = debits;
        this.unreceived = unreceived;
        this.reviewItems = reviewItems;
        this.paymentFiles = paymentFiles;
        this.ids = ids;
        this.clock = clock;
    }

    StatusReportBooking beginStatusReport(String reportId) {
        return new StatusReportBooking(this, reportId);
    }

    FileBooking begin(BankFileId bankFileId, BookBankFile.Survey survey) {
        return new FileBooking(this, bankFileId, survey);
    }
}
