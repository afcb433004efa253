package io.crowdrecon.recon.bankfile.config;

import io.crowdrecon.recon.bankfile.BankFileReader;
import io.crowdrecon.recon.bankfile.BankFiles;
import io.crowdrecon.recon.bankfile.BankStatements;
import io.crowdrecon.recon.bankfile.BookBankFile;
import io.crowdrecon.recon.bankfile.StatementBookings;
import io.crowdrecon.recon.bankfile.StatementBooks;
import io.crowdrecon.recon.bankfile.read.BankFileReaders;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.UnreceivedCredits;
import io.crowdrecon.recon.paymentfile.PaymentFiles;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Booking bank files: the readers, the statements' reconciliation and the use case. */
@Configuration(proxyBeanMethods = false)
public class BankFileBookingConfiguration {

    @Bean
    BookBankFile bookBankFile(
            BankFiles files,
            BankStatements statements,
            StatementBooks books,
            ReconcileIncomingCredits reconcile,
            ApplyBankDebit applyBankDebit,
            UnreceivedCredits unreceived,
            ReviewItems reviewItems,
            PaymentFiles paymentFiles,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        BankFileReader reader = BankFileReaders::open;
        return new BookBankFile(
                reader,
                files,
                statements,
                new StatementBookings(
                        statements,
                        books,
                        reconcile,
                        applyBankDebit,
                        unreceived,
                        reviewItems,
                        paymentFiles,
                        ids,
                        clock),
                transactions,
                ids,
                clock);
    }
}
