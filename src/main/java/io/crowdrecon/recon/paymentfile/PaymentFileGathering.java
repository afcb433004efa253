package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PortalId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which instructions go into which pain.001 file at a cut-off, and which cannot go at all: plain Java, no I/O. Every
 * candidate is a {@code CREATED} bank transfer in no file yet (the adapter selects those); it goes into the file of its
 * portal's collection account for {@code executionDate}, or is refused with the reason an operator reads on its review
 * item. A refused instruction stays {@code CREATED} and is refused again at the next cut-off (its review item is opened
 * only once, by its dedupe key), until it is fixed or cancelled by hand.
 */
public final class PaymentFileGathering {

    /** SEPA carries euros: anything else needs another payment route. */
    static final String EUR = "EUR";

    private PaymentFileGathering() {}

    /**
     * One planned file: the transfers debited from {@code debtor} on {@code executionDate}, in the candidates' order.
     *
     * @param debtorName {@code debtor}'s name brought into the SEPA set, as the file writes it
     */
    public record PlannedFile(
            DebtorAccount debtor, String debtorName, LocalDate executionDate, List<PlannedTransfer> transfers) {
        public PlannedFile {
            transfers = List.copyOf(transfers);
        }
    }

    /** One instruction in a planned file and the transfer it becomes. */
    public record PlannedTransfer(InstructionId instructionId, CreditTransfer transfer) {}

    /** An instruction that cannot leave in a SEPA file, and why, for its review item. */
    public record Refusal(PaymentInstruction instruction, String reason) {}

    /** The files to build (one per debtor account, ordered by its IBAN) and the instructions refused. */
    public record Gathering(List<PlannedFile> files, List<Refusal> refusals) {
        public Gathering {
            files = List.copyOf(files);
            refusals = List.copyOf(refusals);
        }
    }

    /**
     * Gathers {@code candidates} into files for {@code executionDate}.
     *
     * @param candidates CREATED bank transfers in no file, in the order they are to be written
     * @param accounts the debtor account of each portal that has one; a portal absent here has none
     * @throws IllegalArgumentException if a candidate is not a CREATED bank transfer (the adapter selected wrongly)
     */
    public static Gathering gather(
            List<PaymentInstruction> candidates, Map<PortalId, DebtorAccount> accounts, LocalDate executionDate) {
        Map<Iban, List<PlannedTransfer>> byDebtor = new LinkedHashMap<>();
        Map<Iban, DebtorAccount> debtors = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        for (PaymentInstruction instruction : candidates) {
            if (instruction.status() != InstructionStatus.CREATED
                    || instruction.channel() != PaymentChannel.BANK_TRANSFER) {
                throw new IllegalArgumentException("not a CREATED bank transfer: " + instruction.instructionId());
            }
            Optional<String> refusal = refusal(instruction, accounts);
            if (refusal.isPresent()) {
                refusals.add(new Refusal(instruction, refusal.get()));
                continue;
            }
            DebtorAccount debtor = Objects.requireNonNull(accounts.get(Objects.requireNonNull(instruction.portalId())));
            debtors.put(debtor.iban(), debtor);
            byDebtor.computeIfAbsent(debtor.iban(), iban -> new ArrayList<>())
                    .add(new PlannedTransfer(instruction.instructionId(), transfer(instruction)));
        }
        List<PlannedFile> files = byDebtor.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Iban::value)))
                .map(entry -> {
                    DebtorAccount debtor = Objects.requireNonNull(debtors.get(entry.getKey()));
                    return new PlannedFile(debtor, debtorName(debtor).orElseThrow(), executionDate, entry.getValue());
                })
                .toList();
        return new Gathering(files, refusals);
    }

    /** Why {@code instruction} cannot leave in a SEPA file; empty when it can. */
    static Optional<String> refusal(PaymentInstruction instruction, Map<PortalId, DebtorAccount> accounts) {
        if (!EUR.equals(instruction.currency())) {
            return Optional.of("SEPA carries euros: this instruction is in " + instruction.currency()
                    + " and must be paid another way");
        }
        PortalId portalId = instruction.portalId();
        if (portalId == null) {
            return Optional.of("the instruction belongs to no portal, so no collection account can be debited");
        }
        DebtorAccount debtor = accounts.get(portalId);
        if (debtor == null) {
            return Optional.of("portal " + portalId + " has no collection account to debit");
        }
        if (debtorName(debtor).isEmpty()) {
            return Optional.of("portal " + portalId + "'s name has no letter or digit in the SEPA character set");
        }
        if (Iban.tryParse(instruction.creditorIban()).isEmpty()) {
            return Optional.of("the creditor IBAN is missing or not a valid IBAN");
        }
        if (sepaName(instruction.creditorName()).isEmpty()) {
            return Optional.of("the creditor name is missing or has no letter or digit in the SEPA character set"
                    + " (a name in another script must be written in Latin letters by hand)");
        }
        try {
            transfer(instruction);
        } catch (IllegalArgumentException e) {
            return Optional.of("the payment file writer refuses the transfer: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static CreditTransfer transfer(PaymentInstruction instruction) {
        String reference = instruction.remittanceInformation();
        return CreditTransfer.of(
                instruction.instructionId().value(),
                instruction.amount(),
                Objects.requireNonNull(instruction.creditorName()),
                Iban.parse(instruction.creditorIban()),
                Optional.empty(),
                // The creditor must read something: with no remittance of its own, the instruction's id.
                reference == null || reference.isBlank()
                        ? instruction.instructionId().value()
                        : reference);
    }

    private static Optional<String> debtorName(DebtorAccount debtor) {
        return sepaName(debtor.name());
    }

    /**
     * {@code name} in the SEPA set, when something of it is left: a name in Greek or Cyrillic script would come out as
     * dots only, which no bank or creditor could read.
     */
    static Optional<String> sepaName(@Nullable String name) {
        return Optional.ofNullable(name)
                .filter(n -> !n.isBlank())
                .map(n -> SepaText.toSepa(n, SepaText.NAME_MAX))
                .filter(n -> n.codePoints().anyMatch(Character::isLetterOrDigit));
    }
}
