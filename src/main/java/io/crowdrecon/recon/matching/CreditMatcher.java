package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.matching.CreditDecision.AlreadyRecorded;
import io.crowdrecon.recon.matching.CreditDecision.FeedDuplicate;
import io.crowdrecon.recon.matching.CreditDecision.InstructionReturned;
import io.crowdrecon.recon.matching.CreditDecision.Matched;
import io.crowdrecon.recon.matching.CreditDecision.Unidentified;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides what an incoming credit is, applying the rules of SPEC section 5 in their order; the first rule that
 * applies wins. A pure function: no I/O, no clock, no randomness; everything it needs is in its arguments.
 *
 * <ol>
 *   <li>Same {@code notificationId} as a recorded credit → {@link AlreadyRecorded}. A bank credit with the same
 *       {@code creditorIban} and {@code bankReference} as a recorded one → {@link FeedDuplicate}.
 *   <li>A bank credit returning one of our instructions → {@link InstructionReturned}.
 *   <li>A bank credit to no portal's collection IBAN → {@code UNKNOWN_ACCOUNT}.
 *   <li>The reference ({@link ReferenceExtractor} for bank credits, the capture's orderId for cards) is missing,
 *       ambiguous or invalid → {@code MISSING_REFERENCE}, {@code AMBIGUOUS_REFERENCE}, {@code INVALID_REFERENCE}
 *       (a card capture with a malformed orderId → {@code UNKNOWN_ORDER}).
 *   <li>No such order, or another portal's → {@code UNKNOWN_ORDER}.
 *   <li>Order already paid → {@code ALREADY_PAID}; failed, cancelled, expired or past its payment window → {@code
 *       ORDER_NOT_PAYABLE}.
 *   <li>Other currency → {@code CURRENCY_MISMATCH}; other amount (by value) → {@code AMOUNT_MISMATCH}.
 *   <li>Otherwise {@link Matched}, flagging a payer or channel mismatch.
 * </ol>
 */
public final class CreditMatcher {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

    private CreditMatcher() {}

    /**
     * The decision on {@code credit}, given what the caller looked up.
     *
     * @return never null
     */
    public static CreditDecision decide(IncomingCredit credit, MatchingFacts facts) {
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(facts, "facts");
        if (facts.sameNotificationId().isPresent()) {
            return new AlreadyRecorded();
        }
        if (!credit.isCard()) {
            Optional<CreditDecision> bankOnly = decideBankOnlyRules(credit, facts);
            if (bankOnly.isPresent()) {
                return bankOnly.get();
            }
        }
        ExtractedReference reference = referenceOf(credit);
        if (!(reference instanceof ExtractedReference.Found found)) {
            return unidentifiedReference(credit, reference);
        }
        OrderId orderId = found.orderId();
        Optional<OrderSnapshot> order = facts.orders().find(orderId);
        if (order.isEmpty() || !isOfCreditedPortal(order.get(), facts)) {
            return Unidentified.because(UnidentifiedReason.UNKNOWN_ORDER, orderId);
        }
        return decideForOrder(credit, order.get());
    }

    /**
     * The order a credit names, if it names exactly one valid id: what the caller should load before deciding.
     * Ignores duplicates and accounts; for a card capture, its orderId field when valid.
     */
    public static Optional<OrderId> namedOrder(IncomingCredit credit) {
        return referenceOf(credit) instanceof ExtractedReference.Found found
                ? Optional.of(found.orderId())
                : Optional.empty();
    }

    private static Optional<CreditDecision> decideBankOnlyRules(IncomingCredit credit, MatchingFacts facts) {
        if (facts.sameBankReference().isPresent()) {
            RecordedCredit original = facts.sameBankReference().get();
            return Optional.of(new FeedDuplicate(original.notificationId(), conflicts(credit, original)));
        }
        if (credit.returnOfInstructionId() != null && facts.returnsKnownInstruction()) {
            return Optional.of(new InstructionReturned(credit.returnOfInstructionId()));
        }
        if (facts.creditedPortalId().isEmpty()) {
            return Optional.of(Unidentified.because(UnidentifiedReason.UNKNOWN_ACCOUNT));
        }
        return Optional.empty();
    }

    private static boolean conflicts(IncomingCredit credit, RecordedCredit original) {
        return !credit.money().equals(original.money())
                || !Objects.equals(credit.bookingDate(), original.bookingDate());
    }

    /**
     * The reference of rule 4: what the description or structured reference of a bank credit names, or the orderId
     * field of a card capture (found when valid, missing otherwise).
     */
    private static ExtractedReference referenceOf(IncomingCredit credit) {
        if (credit.isCard()) {
            String cardOrderId = credit.cardOrderId();
            return cardOrderId != null && OrderId.isValid(cardOrderId)
                    ? new ExtractedReference.Found(OrderId.of(cardOrderId))
                    : new ExtractedReference.Missing();
        }
        return ReferenceExtractor.extract(credit.structuredReference(), credit.description());
    }

    /** Rule 4 for a credit naming no valid order; a card capture's malformed orderId is an unknown order. */
    private static Unidentified unidentifiedReference(IncomingCredit credit, ExtractedReference reference) {
        if (credit.isCard()) {
            return Unidentified.because(UnidentifiedReason.UNKNOWN_ORDER);
        }
        if (reference instanceof ExtractedReference.Missing) {
            return Unidentified.because(UnidentifiedReason.MISSING_REFERENCE);
        }
        if (reference instanceof ExtractedReference.Ambiguous) {
            return Unidentified.because(UnidentifiedReason.AMBIGUOUS_REFERENCE);
        }
        return Unidentified.because(UnidentifiedReason.INVALID_REFERENCE);
    }

    private static boolean isOfCreditedPortal(OrderSnapshot order, MatchingFacts facts) {
        return facts.creditedPortalId().map(order.portalId().value()::equals).orElse(true);
    }

    private static CreditDecision decideForOrder(IncomingCredit credit, OrderSnapshot order) {
        OrderId orderId = order.orderId();
        Optional<UnidentifiedReason> unpayable = unpayableReason(credit, order);
        if (unpayable.isPresent()) {
            return Unidentified.because(unpayable.get(), orderId);
        }
        if (!credit.currency().equals(order.currency())) {
            return Unidentified.because(UnidentifiedReason.CURRENCY_MISMATCH, orderId);
        }
        if (!credit.money().equals(order.total())) {
            boolean becomesIncorrect = OrderTransitions.allows(order.status(), OrderTrigger.WRONG_AMOUNT_CREDIT);
            return new Unidentified(UnidentifiedReason.AMOUNT_MISMATCH, orderId, becomesIncorrect);
        }
        return new Matched(orderId, isPayerMismatch(credit, order), isChannelMismatch(credit, order));
    }

    private static Optional<UnidentifiedReason> unpayableReason(IncomingCredit credit, OrderSnapshot order) {
        if (OrderTransitions.isPayable(order.status())) {
            return isPastPaymentWindow(credit, order)
                    ? Optional.of(UnidentifiedReason.ORDER_NOT_PAYABLE)
                    : Optional.empty();
        }
        // Not payable: was it paid once (its money arrived), or did it end without money?
        return switch (order.status()) {
            case ACCOUNTED, SPLITTED, REFUNDED -> Optional.of(UnidentifiedReason.ALREADY_PAID);
            default -> Optional.of(UnidentifiedReason.ORDER_NOT_PAYABLE);
        };
    }

    private static boolean isPastPaymentWindow(IncomingCredit credit, OrderSnapshot order) {
        return order.paymentWindowEndsAt() != null
                && order.paymentWindowEndsAt().isBefore(credit.receivedAt());
    }

    private static boolean isChannelMismatch(IncomingCredit credit, OrderSnapshot order) {
        OrderChannel expected = credit.isCard() ? OrderChannel.CREDIT_CARD : OrderChannel.MONEY_TRANSFER;
        return order.channel() != expected;
    }

    /** Only bank credits name a payer; a card capture never mismatches. */
    private static boolean isPayerMismatch(IncomingCredit credit, OrderSnapshot order) {
        if (credit.isCard()) {
            return false;
        }
        return isIbanMismatch(credit, order) || isNameMismatch(credit, order);
    }

    private static boolean isIbanMismatch(IncomingCredit credit, OrderSnapshot order) {
        if (order.investorIban() == null || order.investorIban().isBlank()) {
            return false;
        }
        return !Objects.equals(Iban.normalise(order.investorIban()), Iban.normalise(credit.payerIban()));
    }

    private static boolean isNameMismatch(IncomingCredit credit, OrderSnapshot order) {
        List<String> holderWords =
                words(Stream.of(order.holderName(), order.holderSurname(), order.holderBusinessName())
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" ")));
        if (holderWords.isEmpty()) {
            return false;
        }
        Set<String> payerWords = wordsAndJoinedNeighbours(words(credit.payerName()));
        return !payerWords.containsAll(holderWords);
    }

    /**
     * The words of a name, upper case, accents and punctuation removed: "D'Angelo S.r.l." → [DANGELO, SRL].
     * Punctuation is removed, not turned into a space, as SPEC section 5 says.
     */
    private static List<String> words(@Nullable String name) {
        if (name == null) {
            return List.of();
        }
        String decomposed = Normalizer.normalize(name.toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String unpunctuated = PUNCTUATION.matcher(plain).replaceAll("");
        String spaced =
                NOT_LETTER_OR_DIGIT.matcher(unpunctuated).replaceAll(" ").trim();
        return spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    /**
     * The payer's words plus each pair and triple of neighbouring words joined, because banks often
     * print a punctuated name with spaces instead ("D ANGELO" for D'Angelo, "S R L" for S.r.l.).
     */
    private static Set<String> wordsAndJoinedNeighbours(List<String> words) {
        Set<String> result = new HashSet<>(words);
        for (int i = 0; i < words.size(); i++) {
            StringBuilder joined = new StringBuilder(words.get(i));
            for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
                joined.append(words.get(j));
                result.add(joined.toString());
            }
        }
        return result;
    }
}
