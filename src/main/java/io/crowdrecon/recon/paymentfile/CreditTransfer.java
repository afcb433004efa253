package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Iban;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SEPA credit transfer of a payment file ({@code CdtTrfTxInf}): always in euros.
 *
 * @param endToEndId the reference that travels unchanged to the creditor and comes back in the bank's status report:
 *     the payment instruction's id (a SEPA identifier, see {@link SepaText#isIdentifier(String)})
 * @param amount in euros, 0.01 to 999,999,999.99 with at most two decimals; held with scale 2
 * @param creditorName 1 to 70 characters of the SEPA set (use {@link #of} to transliterate)
 * @param creditorIban the creditor's account
 * @param creditorBic the creditor's bank, optional in SEPA since 2016 (IBAN-only)
 * @param remittance structured RF reference or unstructured text
 */
public record CreditTransfer(
        String endToEndId,
        BigDecimal amount,
        String creditorName,
        Iban creditorIban,
        Optional<String> creditorBic,
        Remittance remittance) {

    // ISO 9362: 4 bank, 2 country, 2 location, optional 3 branch; the stricter 2009 form pain.001.001.03 asks for.
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");

    /** @throws IllegalArgumentException if a field breaks the rule its parameter states */
    public CreditTransfer {
        Objects.requireNonNull(creditorIban, "creditorIban");
        Objects.requireNonNull(creditorBic, "creditorBic");
        Objects.requireNonNull(remittance, "remittance");
        if (!SepaText.isIdentifier(endToEndId)) {
            throw new IllegalArgumentException("endToEndId is not a SEPA identifier: " + endToEndId);
        }
        if (!Amounts.isPositiveWithAtMost(amount, 2)) {
            throw new IllegalArgumentException("a SEPA amount is 0.01 to 999999999.99 EUR, got " + amount);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (!isName(creditorName)) {
            throw new IllegalArgumentException("creditorName is 1 to 70 characters of the SEPA character set");
        }
        creditorBic.ifPresent(bic -> {
            if (!isBic(bic)) {
                throw new IllegalArgumentException("not a BIC: " + bic);
            }
        });
    }

    /**
     * The transfer of {@code amount} euros to {@code creditorName} (transliterated into the SEPA set and cut to 70
     * characters), remitting {@code reference} (structured when it is an RF creditor reference, see
     * {@link Remittance#of(String)}).
     */
    public static CreditTransfer of(
            String endToEndId,
            BigDecimal amount,
            String creditorName,
            Iban creditorIban,
            Optional<String> creditorBic,
            String reference) {
        return new CreditTransfer(
                endToEndId,
                amount,
                SepaText.toSepa(creditorName, SepaText.NAME_MAX),
                creditorIban,
                creditorBic,
                Remittance.of(reference));
    }

    static boolean isName(String name) {
        return name != null && !name.isBlank() && name.length() <= SepaText.NAME_MAX && SepaText.isSepaText(name);
    }

    static boolean isBic(String bic) {
        return bic != null && BIC.matcher(bic).matches();
    }
}
