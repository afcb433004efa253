package io.crowdrecon.recon.paymentfile.config;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.paymentfile.BuildPaymentFiles;
import io.crowdrecon.recon.paymentfile.PaymentFileAnnouncement;
import io.crowdrecon.recon.paymentfile.SendPaymentFile;
import io.crowdrecon.recon.paymentfile.TakenFromKafka;
import io.crowdrecon.recon.paymentfile.persistence.R2dbcDebtorAccounts;
import io.crowdrecon.recon.paymentfile.persistence.R2dbcPaymentFiles;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.unit.DataSize;

/** Payment files out: the store, the portals' debtor accounts, the build and the bank feed's taking a file. */
@Configuration(proxyBeanMethods = false)
public class PaymentFileConfiguration {

    @Bean
    R2dbcPaymentFiles paymentFiles(DatabaseClient database) {
        return new R2dbcPaymentFiles(database);
    }

    @Bean
    R2dbcDebtorAccounts debtorAccounts(DatabaseClient database) {
        return new R2dbcDebtorAccounts(database);
    }

    @Bean
    BuildPaymentFiles buildPaymentFiles(
            PaymentInstructions instructions,
            R2dbcDebtorAccounts accounts,
            R2dbcPaymentFiles files,
            ReviewItems reviewItems,
            Transactions transactions,
            IdGenerator ids,
            Clock clock,
            @Value("${recon.payment-files.zone:Europe/Brussels}") ZoneId zone,
            EventLog events,
            @Value("${recon.payment-files.inline-limit:900KB}") DataSize inlineLimit) {
        return new BuildPaymentFiles(
                instructions,
                accounts,
                files,
                reviewItems,
                transactions,
                ids,
                clock,
                zone,
                events,
                new PaymentFileAnnouncement(inlineLimit.toBytes()));
    }

    @Bean
    SendPaymentFile sendPaymentFile(
            R2dbcPaymentFiles files,
            PaymentInstructions instructions,
            Transactions transactions,
            Clock clock,
            @Value("${recon.payment-files.taken:PUT}") String taken) {
        if (!taken.equals("PUT") && !taken.equals("KAFKA")) {
            throw new IllegalStateException(
                    "RECON_PAYMENT_FILE_TAKEN must be PUT or KAFKA (when a payment file counts as taken), not '" + taken
                            + "'");
        }
        return new SendPaymentFile(files, instructions, transactions, clock);
    }

    /** With RECON_PAYMENT_FILE_TAKEN=KAFKA, a file is SENT once its announcement is on recon.payment-files. */
    @Bean
    @ConditionalOnProperty(name = "recon.payment-files.taken", havingValue = "KAFKA")
    TakenFromKafka takenFromKafka(SendPaymentFile send) {
        return new TakenFromKafka(send);
    }
}
