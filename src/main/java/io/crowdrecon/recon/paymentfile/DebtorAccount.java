package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.Iban;
import java.util.Objects;

/**
 * The account a portal's payments out are debited from: its collection account, in the portal's name, and the pain.001
 * version its bank takes. The BIC is not known: files say {@code NOTPROVIDED}.
 *
 * @param iban the portal's collection account
 * @param name the portal's name as registered (brought into the SEPA set when the file is gathered)
 * @param version the pain.001 version of the portal's files
 */
public record DebtorAccount(Iban iban, String name, Pain001Version version) {

    public DebtorAccount {
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
