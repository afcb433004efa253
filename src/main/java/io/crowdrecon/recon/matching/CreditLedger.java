package io.crowdrecon.recon.matching;

import java.util.List;
import reactor.core.publisher.Mono;

/** Where credits are recorded, with one outcome each. Both calls run inside the batch's transaction. */
public interface CreditLedger {

    /**
     * What the database knows about these credits, locking the orders and instructions they name
     * (in id order, so that concurrent batches cannot deadlock on them).
     */
    Mono<CreditFacts> factsFor(List<IncomingCredit> credits);

    /** Writes the batch's bookings: credits, order moves, moneyins, moneyouts, transfers, instructions, reviews. */
    Mono<Void> record(Bookings bookings);
}
