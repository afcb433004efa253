package io.crowdrecon.recon.ingest.bank;

import io.crowdrecon.recon.ingest.Inbound;
import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.bank.BankNotification.Credit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Debit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Rejected;
import java.util.function.Function;

/** Classifies {@code recon.bank-notifications} records: credits to decide, DEBITs to apply, the rest to the DLQ. */
public class BankNotifications implements Function<InboundRecord, Inbound> {

    private final BankNotificationParser parser;
    private final BankDebits debits;

    public BankNotifications(BankNotificationParser parser, BankDebits debits) {
        this.parser = parser;
        this.debits = debits;
    }

    @Override
    public Inbound apply(InboundRecord record) {
        BankNotification notification = parser.parse(record.value());
        if (notification instanceof Credit credit) {
            return new Inbound.Credit(record, credit.credit());
        }
        if (notification instanceof Debit debit) {
            return new Inbound.Action(record, "debit " + debit.notificationId(), () -> debits.apply(debit));
        }
        Rejected r = (Rejected) notification;
        return new Inbound.Rejected(record, r.reason(), r.mayBeCredit(), r.notificationId(), r.amount(), r.currency());
    }
}
