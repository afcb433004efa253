package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.CreditorReference;
import java.util.Locale;
import java.util.Objects;

/**
 * What the creditor reads about a credit transfer: a structured ISO 11649 creditor reference ({@code RF…}, written as
 * {@code Strd/CdtrRefInf} with type {@code SCOR} and issuer {@code ISO}) or unstructured text ({@code Ustrd}, at most
 * 140 characters of the SEPA set). The EPC allows one or the other, never both.
 */
public sealed interface Remittance {

    /**
     * The remittance for {@code reference}: structured when it is a creditor reference with valid check digits
     * (spaces and case ignored), otherwise unstructured text brought into the SEPA set and cut to 140 characters.
     *
     * @throws IllegalArgumentException if {@code reference} is null or blank (nothing to remit)
     */
    static Remittance of(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a remittance needs a reference or a text");
        }
        if (CreditorReference.hasValidCheckDigits(reference)) {
            return new Structured(reference.replace(" ", "").toUpperCase(Locale.ROOT));
        }
        return new Unstructured(SepaText.toSepa(reference, SepaText.REMITTANCE_MAX));
    }

    /**
     * An ISO 11649 creditor reference in electronic form (upper case, no spaces), for example {@code RF18539007547034}.
     *
     * @throws IllegalArgumentException if {@code reference} is not one with valid check digits in electronic form
     */
    record Structured(String reference) implements Remittance {
        public Structured {
            Objects.requireNonNull(reference, "reference");
            if (!CreditorReference.hasValidCheckDigits(reference)
                    || !reference.equals(reference.replace(" ", "").toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not an ISO 11649 creditor reference in electronic form");
            }
        }
    }

    /**
     * Free text of 1 to 140 characters of the SEPA character set.
     *
     * @throws IllegalArgumentException otherwise (use {@link Remittance#of(String)} to transliterate first)
     */
    record Unstructured(String text) implements Remittance {
        public Unstructured {
            Objects.requireNonNull(text, "text");
            if (text.isBlank() || text.length() > SepaText.REMITTANCE_MAX || !SepaText.isSepaText(text)) {
                throw new IllegalArgumentException(
                        "unstructured remittance is 1 to 140 characters of the SEPA character set");
            }
        }
    }
}
