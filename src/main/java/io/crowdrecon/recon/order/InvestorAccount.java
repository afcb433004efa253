package io.crowdrecon.recon.order;

import io.crowdrecon.recon.shared.Iban;
import org.jspecify.annotations.Nullable;

/** The account the investor says they will pay from; used to flag a payer mismatch, never as a refund destination. */
public record InvestorAccount(
        @Nullable Iban iban,
        @Nullable String holderName,
        @Nullable String holderSurname,
        @Nullable String holderBusinessName) {}
