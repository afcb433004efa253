package io.crowdrecon.recon.matching;

import static io.crowdrecon.recon.unidentified.UnidentifiedReason.ALREADY_PAID;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.AMBIGUOUS_REFERENCE;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.AMOUNT_MISMATCH;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.CURRENCY_MISMATCH;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.INVALID_REFERENCE;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.MISSING_REFERENCE;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.ORDER_NOT_PAYABLE;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.UNKNOWN_ACCOUNT;
import static io.crowdrecon.recon.unidentified.UnidentifiedReason.UNKNOWN_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.crowdrecon.recon.matching.CreditDecision.AlreadyRecorded;
import io.crowdrecon.recon.matching.CreditDecision.FeedDuplicate;
import io.crowdrecon.recon.matching.CreditDecision.InstructionReturned;
import io.crowdrecon.recon.matching.CreditDecision.Matched;
import io.crowdrecon.recon.matching.CreditDecision.Unidentified;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per reason of SPEC section 5 and per case where the order of the rules matters. Each row starts from a
 * bank transfer (or card capture) that matches the order exactly and changes one or two things.
 */
class CreditMatcherTests {

    private static final OrderId ORDER = OrderId.of("TRX1234567890123428");
    private static final String OTHER_ID = "TRX9876543210987606";
    private static final String PORTAL = "PRT0000000000000001";
    private static final String OTHER_PORTAL = "PRT0000000000000002";
    private static final String INVESTOR_IBAN = "IT60X0542811101000000123456";
    private static final Instant RECEIVED_AT = Instant.parse("2025-03-10T10:15:30Z");
    private static final LocalDate BOOKED_ON = LocalDate.parse("2025-03-10");

    static Stream<Arguments> rules() {
        return Stream.of(
                // rule 1: duplicates
                row(
                        "ignores a redelivered notification",
                        bank(c -> c),
                        facts(f -> f.sameNotificationId(recorded("N1", "1100.00", "EUR", BOOKED_ON))),
                        new AlreadyRecorded()),
                row(
                        "ignores a redelivery before looking for a feed duplicate",
                        bank(c -> c),
                        facts(f -> f.sameNotificationId(recorded("N1", "1100.00", "EUR", BOOKED_ON))
                                .sameBankReference(recorded("N0", "5", "EUR", BOOKED_ON))),
                        new AlreadyRecorded()),
                row(
                        "ignores a redelivered card capture",
                        card(c -> c),
                        cardFacts(f -> f.sameNotificationId(recorded("N1", "1100", "EUR", null))),
                        new AlreadyRecorded()),
                row(
                        "records the same booking under another notification as a feed duplicate",
                        bank(c -> c),
                        facts(f -> f.sameBankReference(recorded("N0", "1100", "EUR", BOOKED_ON))),
                        new FeedDuplicate("N0", false)),
                row(
                        "flags a feed duplicate of another amount as conflicting",
                        bank(c -> c),
                        facts(f -> f.sameBankReference(recorded("N0", "1100.01", "EUR", BOOKED_ON))),
                        new FeedDuplicate("N0", true)),
                row(
                        "flags a feed duplicate in another currency as conflicting",
                        bank(c -> c),
                        facts(f -> f.sameBankReference(recorded("N0", "1100", "CHF", BOOKED_ON))),
                        new FeedDuplicate("N0", true)),
                row(
                        "flags a feed duplicate booked on another date as conflicting",
                        bank(c -> c),
                        facts(f -> f.sameBankReference(recorded("N0", "1100", "EUR", BOOKED_ON.plusDays(1)))),
                        new FeedDuplicate("N0", true)),
                row(
                        "flags a feed duplicate without a booking date as conflicting with a dated one",
                        bank(c -> c.bookingDate(null)),
                        facts(f -> f.sameBankReference(recorded("N0", "1100", "EUR", BOOKED_ON))),
                        new FeedDuplicate("N0", true)),
                row(
                        "records a feed duplicate before looking at a returned instruction",
                        bank(c -> c.returnOfInstructionId("PI1")),
                        facts(f -> f.returnsKnownInstruction(true)
                                .sameBankReference(recorded("N0", "1100", "EUR", BOOKED_ON))),
                        new FeedDuplicate("N0", false)),
                row(
                        "never treats a card capture as a feed duplicate by bank reference",
                        card(c -> c),
                        cardFacts(f -> f.sameBankReference(recorded("N0", "1100", "EUR", null))),
                        new Matched(ORDER, false, false)),
                // rule 2: our own instruction coming back
                row(
                        "recognises one of our instructions coming back",
                        bank(c -> c.returnOfInstructionId("PI1")),
                        facts(f -> f.returnsKnownInstruction(true)),
                        new InstructionReturned("PI1")),
                row(
                        "recognises a returned instruction before checking the credited account",
                        bank(c -> c.returnOfInstructionId("PI1").description(null)),
                        facts(f -> f.returnsKnownInstruction(true).creditedPortalId(null)),
                        new InstructionReturned("PI1")),
                row(
                        "matches normally a credit returning an instruction that is not ours",
                        bank(c -> c.returnOfInstructionId("PI9")),
                        facts(f -> f),
                        new Matched(ORDER, false, false)),
                row(
                        "never treats a card capture as a returned instruction",
                        card(c -> c.returnOfInstructionId("PI1")),
                        cardFacts(f -> f.returnsKnownInstruction(true)),
                        new Matched(ORDER, false, false)),
                // rule 3: credited account
                row(
                        "returns a credit to an account that is no portal's collection IBAN",
                        bank(c -> c),
                        facts(f -> f.creditedPortalId(null)),
                        Unidentified.because(UNKNOWN_ACCOUNT)),
                row(
                        "returns a credit to an unknown account before looking for its reference",
                        bank(c -> c.description(null)),
                        facts(f -> f.creditedPortalId(null)),
                        Unidentified.because(UNKNOWN_ACCOUNT)),
                row(
                        "never treats a card capture without a known portal as an unknown account",
                        card(c -> c),
                        cardFacts(f -> f.creditedPortalId(null)),
                        new Matched(ORDER, false, false)),
                // rule 4: reference
                row(
                        "returns a credit without any order id",
                        bank(c -> c.description("Sottoscrizione campagna Rossi")),
                        facts(f -> f),
                        Unidentified.because(MISSING_REFERENCE)),
                row(
                        "returns a credit without description",
                        bank(c -> c.description(null)),
                        facts(f -> f),
                        Unidentified.because(MISSING_REFERENCE)),
                row(
                        "returns a credit naming two different orders",
                        bank(c -> c.description(ORDER + " " + OTHER_ID)),
                        facts(f -> f),
                        Unidentified.because(AMBIGUOUS_REFERENCE)),
                row(
                        "returns a credit naming an id with wrong check digits",
                        bank(c -> c.description("TRX1234567890123482")),
                        facts(f -> f),
                        Unidentified.because(INVALID_REFERENCE)),
                row(
                        "returns a credit whose creditor reference has wrong check digits",
                        bank(c -> c.structuredReference("RF12" + ORDER)),
                        facts(f -> f),
                        Unidentified.because(INVALID_REFERENCE)),
                row(
                        "matches a credit by its creditor reference",
                        bank(c ->
                                c.structuredReference(ORDER.paymentReference()).description("Quote Rossi")),
                        facts(f -> f),
                        new Matched(ORDER, false, false)),
                // rule 5: order
                row(
                        "returns a credit naming an order that does not exist",
                        bank(c -> c),
                        facts(f -> f.orders(OrderLookup.none())),
                        Unidentified.because(UNKNOWN_ORDER, ORDER)),
                row(
                        "returns a credit naming another portal's order",
                        bank(c -> c),
                        facts(f -> f.creditedPortalId(OTHER_PORTAL)),
                        Unidentified.because(UNKNOWN_ORDER, ORDER)),
                // rule 6: payable
                row(
                        "returns a second payment of an accounted order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.ACCOUNTED))),
                        Unidentified.because(ALREADY_PAID, ORDER)),
                row(
                        "returns a payment of a splitted order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.SPLITTED))),
                        Unidentified.because(ALREADY_PAID, ORDER)),
                row(
                        "returns a payment of a refunded order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.REFUNDED))),
                        Unidentified.because(ALREADY_PAID, ORDER)),
                row(
                        "returns a payment of a failed order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.FAILED))),
                        Unidentified.because(ORDER_NOT_PAYABLE, ORDER)),
                row(
                        "returns a payment of a cancelled order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.CANCELLED))),
                        Unidentified.because(ORDER_NOT_PAYABLE, ORDER)),
                row(
                        "returns a payment of an expired order",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.EXPIRED))),
                        Unidentified.because(ORDER_NOT_PAYABLE, ORDER)),
                row(
                        "returns a payment received after the payment window ended",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.paymentWindowEndsAt(RECEIVED_AT.minusSeconds(1)))),
                        Unidentified.because(ORDER_NOT_PAYABLE, ORDER)),
                row(
                        "accepts a payment received the instant the payment window ends",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.paymentWindowEndsAt(RECEIVED_AT))),
                        new Matched(ORDER, false, false)),
                row(
                        "accepts a payment of an order without payment window",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.paymentWindowEndsAt(null))),
                        new Matched(ORDER, false, false)),
                row(
                        "returns a payment of an already paid order before comparing currencies",
                        bank(c -> c.currency("USD")),
                        facts(f -> f.order(o -> o.status(OrderStatus.ACCOUNTED))),
                        Unidentified.because(ALREADY_PAID, ORDER)),
                row(
                        "returns a payment after the window before comparing amounts",
                        bank(c -> c.amount("5")),
                        facts(f -> f.order(o -> o.paymentWindowEndsAt(RECEIVED_AT.minusSeconds(1)))),
                        Unidentified.because(ORDER_NOT_PAYABLE, ORDER)),
                // rule 7: currency and amount
                row(
                        "returns a payment in another currency",
                        bank(c -> c.currency("USD")),
                        facts(f -> f),
                        Unidentified.because(CURRENCY_MISMATCH, ORDER)),
                row(
                        "returns a payment in another currency before comparing amounts",
                        bank(c -> c.currency("JPY").amount("150000")),
                        facts(f -> f),
                        Unidentified.because(CURRENCY_MISMATCH, ORDER)),
                row(
                        "returns a payment of the wrong amount and marks a created order incorrect",
                        bank(c -> c.amount("1000")),
                        facts(f -> f.order(o -> o.status(OrderStatus.CREATED))),
                        new Unidentified(AMOUNT_MISMATCH, ORDER, true)),
                row(
                        "returns a payment one cent short and marks a waiting order incorrect",
                        bank(c -> c.amount("1099.99")),
                        facts(f -> f),
                        new Unidentified(AMOUNT_MISMATCH, ORDER, true)),
                row(
                        "returns a payment of the wrong amount leaving an incorrect-amount order as it is",
                        bank(c -> c.amount("1100.01")),
                        facts(f -> f.order(o -> o.status(OrderStatus.INCORRECT_AMOUNT))),
                        new Unidentified(AMOUNT_MISMATCH, ORDER, false)),
                row(
                        "compares amounts by value so 1100 pays 1100.00",
                        bank(c -> c.amount("1100")),
                        facts(f -> f.order(o -> o.totalAmount("1100.00"))),
                        new Matched(ORDER, false, false)),
                row(
                        "compares amounts by value so 1100.000 pays 1100",
                        bank(c -> c.amount("1100.000")),
                        facts(f -> f.order(o -> o.totalAmount("1100"))),
                        new Matched(ORDER, false, false)),
                // rule 8: match
                row(
                        "matches a payment of the right amount to a waiting order",
                        bank(c -> c),
                        facts(f -> f),
                        new Matched(ORDER, false, false)),
                row(
                        "matches a payment to an order of the wrong amount before",
                        bank(c -> c),
                        facts(f -> f.order(o -> o.status(OrderStatus.INCORRECT_AMOUNT))),
                        new Matched(ORDER, false, false)),
                row(
                        "flags a payer whose IBAN differs",
                        bank(c -> c.payerIban("DE89370400440532013000")),
                        facts(f -> f),
                        new Matched(ORDER, true, false)),
                row(
                        "flags a payer without IBAN",
                        bank(c -> c.payerIban(null)),
                        facts(f -> f),
                        new Matched(ORDER, true, false)),
                row(
                        "compares IBANs in electronic format",
                        bank(c -> c.payerIban("it60 x054 2811 1010 0000 0123 456")),
                        facts(f -> f),
                        new Matched(ORDER, false, false)),
                row(
                        "flags a payer name missing the surname",
                        bank(c -> c.payerName("Mario")),
                        facts(f -> f),
                        new Matched(ORDER, true, false)),
                row(
                        "flags a missing payer name",
                        bank(c -> c.payerName(null)),
                        facts(f -> f),
                        new Matched(ORDER, true, false)),
                row(
                        "accepts the payer's words in any order and case with more words",
                        bank(c -> c.payerName("ROSSI MARIO GIUSEPPE")),
                        facts(f -> f),
                        new Matched(ORDER, false, false)),
                row(
                        "ignores accents when comparing names",
                        bank(c -> c.payerName("NICOLO ROSSI")),
                        facts(f -> f.order(o -> o.holder("Nicolò", "Rossi", null))),
                        new Matched(ORDER, false, false)),
                row(
                        "ignores accents written by the bank",
                        bank(c -> c.payerName("Nicolò Rossi")),
                        facts(f -> f.order(o -> o.holder("NICOLO", "ROSSI", null))),
                        new Matched(ORDER, false, false)),
                row(
                        "accepts a punctuated surname printed with a space",
                        bank(c -> c.payerName("D ANGELO MARIA")),
                        facts(f -> f.order(o -> o.holder("Maria", "D'Angelo", null))),
                        new Matched(ORDER, false, false)),
                row(
                        "accepts a punctuated surname printed without punctuation",
                        bank(c -> c.payerName("DANGELO MARIA")),
                        facts(f -> f.order(o -> o.holder("Maria", "D'Angelo", null))),
                        new Matched(ORDER, false, false)),
                row(
                        "accepts a company form written without its dots",
                        bank(c -> c.payerName("ACME SRL")),
                        facts(f -> f.order(o -> o.holder(null, null, "Acme S.r.l."))),
                        new Matched(ORDER, false, false)),
                row(
                        "does not take a longer surname for the holder's",
                        bank(c -> c.payerName("MARIO ROSSINI")),
                        facts(f -> f.order(o -> o.holder("Mario", "Rossi", null))),
                        new Matched(ORDER, true, false)),
                row(
                        "compares the business name of a legal person",
                        bank(c -> c.payerName("ACME S.R.L.")),
                        facts(f -> f.order(o -> o.holder(null, null, "Acme s.r.l."))),
                        new Matched(ORDER, false, false)),
                row(
                        "flags a payer name missing a word of the business name",
                        bank(c -> c.payerName("ACME")),
                        facts(f -> f.order(o -> o.holder(null, null, "Acme Holding"))),
                        new Matched(ORDER, true, false)),
                row(
                        "compares no name when the order has no holder name",
                        bank(c -> c.payerName("Someone Else")),
                        facts(f -> f.order(o -> o.holder(null, null, null))),
                        new Matched(ORDER, false, false)),
                row(
                        "flags a bank transfer paying a card order",
                        bank(c -> c.payerIban("DE89370400440532013000").payerName("Someone Else")),
                        facts(f -> f.order(o -> o.channel(OrderChannel.CREDIT_CARD)
                                .investorIban(null)
                                .holder(null, null, null))),
                        new Matched(ORDER, false, true)),
                row(
                        "flags both the payer and the channel of a bank transfer",
                        bank(c -> c.payerName("Someone Else")),
                        facts(f -> f.order(o -> o.channel(OrderChannel.CREDIT_CARD))),
                        new Matched(ORDER, true, true)),
                // card captures
                row(
                        "matches a card capture to its card order",
                        card(c -> c),
                        cardFacts(f -> f),
                        new Matched(ORDER, false, false)),
                row(
                        "flags a card capture paying a money-transfer order but never its payer",
                        card(c -> c),
                        cardFacts(f -> f.order(o -> o.channel(OrderChannel.MONEY_TRANSFER))),
                        new Matched(ORDER, false, true)),
                row(
                        "returns a card capture for an unknown order",
                        card(c -> c),
                        cardFacts(f -> f.orders(OrderLookup.none())),
                        Unidentified.because(UNKNOWN_ORDER, ORDER)),
                row(
                        "returns a card capture with a malformed order id",
                        card(c -> c.cardOrderId("TRX123")),
                        cardFacts(f -> f),
                        Unidentified.because(UNKNOWN_ORDER)),
                row(
                        "returns a card capture whose order id has wrong check digits",
                        card(c -> c.cardOrderId("TRX1234567890123482")),
                        cardFacts(f -> f),
                        Unidentified.because(UNKNOWN_ORDER)),
                row(
                        "returns a card capture without order id",
                        card(c -> c.cardOrderId(null)),
                        cardFacts(f -> f),
                        Unidentified.because(UNKNOWN_ORDER)),
                row(
                        "reads only the order id field of a card capture",
                        card(c -> c.cardOrderId("trx1234567890123428").description(ORDER.value())),
                        cardFacts(f -> f),
                        Unidentified.because(UNKNOWN_ORDER)),
                row(
                        "returns a card capture for another portal's order",
                        card(c -> c),
                        cardFacts(f -> f.creditedPortalId(OTHER_PORTAL)),
                        Unidentified.because(UNKNOWN_ORDER, ORDER)),
                row(
                        "matches a card capture from an unknown portal to any portal's order",
                        card(c -> c),
                        cardFacts(f -> f.creditedPortalId(null).order(o -> o.portalId(OTHER_PORTAL))),
                        new Matched(ORDER, false, false)),
                row(
                        "returns a card capture of the wrong amount",
                        card(c -> c.amount("1000")),
                        cardFacts(f -> f),
                        new Unidentified(AMOUNT_MISMATCH, ORDER, true)),
                row(
                        "returns a card capture of an accounted order",
                        card(c -> c),
                        cardFacts(f -> f.order(o -> o.status(OrderStatus.ACCOUNTED))),
                        Unidentified.because(ALREADY_PAID, ORDER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void decidesByTheRulesOfTheSpecInTheirOrder(
            String behaviour, IncomingCredit credit, MatchingFacts facts, CreditDecision expected) {
        assertThat(CreditMatcher.decide(credit, facts)).isEqualTo(expected);
    }

    @Test
    void namesTheOrderACreditRefersTo() {
        assertThat(CreditMatcher.namedOrder(bank(c -> c))).contains(ORDER);
        assertThat(CreditMatcher.namedOrder(
                        bank(c -> c.description(null).structuredReference(ORDER.paymentReference()))))
                .contains(ORDER);
        assertThat(CreditMatcher.namedOrder(card(c -> c))).contains(ORDER);
        assertThat(CreditMatcher.namedOrder(bank(c -> c.description(ORDER + " " + OTHER_ID))))
                .isEmpty();
        assertThat(CreditMatcher.namedOrder(card(c -> c.cardOrderId("nope")))).isEmpty();
    }

    @Test
    void decidesWithoutTouchingTheOrderLookupWhenARuleBeforeRuleFiveApplies() {
        OrderLookup failing = id -> {
            throw new AssertionError("looked up " + id);
        };

        CreditDecision decision = CreditMatcher.decide(
                bank(c -> c.description(null)), MatchingFacts.firstSeen(Optional.of(PORTAL), failing));

        assertThat(decision).isEqualTo(Unidentified.because(MISSING_REFERENCE));
    }

    @Test
    void marksOnlyAnAmountMismatchAsMakingTheOrderIncorrect() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Unidentified(UnidentifiedReason.CURRENCY_MISMATCH, ORDER, true));
    }

    // --- test data: an exact match, changed by each row ---

    private static Arguments row(
            String behaviour, IncomingCredit credit, MatchingFacts facts, CreditDecision expected) {
        return Arguments.of(behaviour, credit, facts, expected);
    }

    private static RecordedCredit recorded(String notificationId, String amount, String currency, LocalDate bookedOn) {
        return new RecordedCredit(notificationId, new BigDecimal(amount), currency, bookedOn);
    }

    private static IncomingCredit bank(UnaryOperator<Credit> changes) {
        return changes.apply(new Credit()).build();
    }

    private static IncomingCredit card(UnaryOperator<Credit> changes) {
        Credit capture = new Credit()
                .channel(CreditChannel.CARD)
                .creditorIban(null)
                .bankReference(null)
                .description(null)
                .payerName(null)
                .payerIban(null)
                .bookingDate(null)
                .pspReference("PSP-8812")
                .cardOrderId(ORDER.value());
        return changes.apply(capture).build();
    }

    /** Facts about a first-seen credit to the portal's collection IBAN, naming a known money-transfer order. */
    private static MatchingFacts facts(UnaryOperator<Facts> changes) {
        return changes.apply(new Facts(UnaryOperator.identity())).build();
    }

    /** Facts about a first-seen card capture from the portal, naming a known card order without investor account. */
    private static MatchingFacts cardFacts(UnaryOperator<Facts> changes) {
        UnaryOperator<Order> cardOrder = order ->
                order.channel(OrderChannel.CREDIT_CARD).investorIban(null).holder(null, null, null);
        return changes.apply(new Facts(cardOrder)).build();
    }

    private static final class Credit {
        private String notificationId = "N1";
        private CreditChannel channel = CreditChannel.BANK_TRANSFER;
        private BigDecimal amount = new BigDecimal("1100.00");
        private String currency = "EUR";
        private String creditorIban = "IT02L1234512345123456789012";
        private String bankReference = "BR-2025-000123";
        private String description = "Sottoscrizione " + ORDER + " campagna Rossi";
        private String structuredReference;
        private String payerName = "Mario Rossi";
        private String payerIban = INVESTOR_IBAN;
        private String pspReference;
        private String cardOrderId;
        private String returnOfInstructionId;
        private LocalDate bookingDate = BOOKED_ON;
        private Instant receivedAt = RECEIVED_AT;

        Credit channel(CreditChannel value) {
            channel = value;
            return this;
        }

        Credit amount(String value) {
            amount = new BigDecimal(value);
            return this;
        }

        Credit currency(String value) {
            currency = value;
            return this;
        }

        Credit creditorIban(String value) {
            creditorIban = value;
            return this;
        }

        Credit bankReference(String value) {
            bankReference = value;
            return this;
        }

        Credit description(String value) {
            description = value;
            return this;
        }

        Credit structuredReference(String value) {
            structuredReference = value;
            return this;
        }

        Credit payerName(String value) {
            payerName = value;
            return this;
        }

        Credit payerIban(String value) {
            payerIban = value;
            return this;
        }

        Credit pspReference(String value) {
            pspReference = value;
            return this;
        }

        Credit cardOrderId(String value) {
            cardOrderId = value;
            return this;
        }

        Credit returnOfInstructionId(String value) {
            returnOfInstructionId = value;
            return this;
        }

        Credit bookingDate(LocalDate value) {
            bookingDate = value;
            return this;
        }

        IncomingCredit build() {
            return new IncomingCredit(
                    notificationId,
                    channel,
                    amount,
                    currency,
                    creditorIban,
                    bankReference,
                    description,
                    structuredReference,
                    payerName,
                    payerIban,
                    pspReference,
                    cardOrderId,
                    returnOfInstructionId,
                    null,
                    bookingDate,
                    receivedAt,
                    null);
        }
    }

    private static final class Order {
        private String portalId = PORTAL;
        private OrderStatus status = OrderStatus.WAITING;
        private BigDecimal totalAmount = new BigDecimal("1100.00");
        private OrderChannel channel = OrderChannel.MONEY_TRANSFER;
        private String investorIban = INVESTOR_IBAN;
        private String holderName = "Mario";
        private String holderSurname = "Rossi";
        private String holderBusinessName;
        private Instant paymentWindowEndsAt = RECEIVED_AT.plus(Duration.ofDays(3));

        Order portalId(String value) {
            portalId = value;
            return this;
        }

        Order status(OrderStatus value) {
            status = value;
            return this;
        }

        Order totalAmount(String value) {
            totalAmount = new BigDecimal(value);
            return this;
        }

        Order channel(OrderChannel value) {
            channel = value;
            return this;
        }

        Order investorIban(String value) {
            investorIban = value;
            return this;
        }

        Order holder(String name, String surname, String businessName) {
            holderName = name;
            holderSurname = surname;
            holderBusinessName = businessName;
            return this;
        }

        Order paymentWindowEndsAt(Instant value) {
            paymentWindowEndsAt = value;
            return this;
        }

        OrderSnapshot build() {
            return new OrderSnapshot(
                    ORDER,
                    PortalId.of(portalId),
                    status,
                    totalAmount,
                    "EUR",
                    channel,
                    investorIban,
                    holderName,
                    holderSurname,
                    holderBusinessName,
                    paymentWindowEndsAt);
        }
    }

    private static final class Facts {
        private RecordedCredit sameNotificationId;
        private RecordedCredit sameBankReference;
        private boolean returnsKnownInstruction;
        private String creditedPortalId = PORTAL;
        private final UnaryOperator<Order> baseOrder;
        private UnaryOperator<Order> orderChanges = UnaryOperator.identity();
        private OrderLookup orders;

        Facts(UnaryOperator<Order> baseOrder) {
            this.baseOrder = baseOrder;
        }

        Facts sameNotificationId(RecordedCredit value) {
            sameNotificationId = value;
            return this;
        }

        Facts sameBankReference(RecordedCredit value) {
            sameBankReference = value;
            return this;
        }

        Facts returnsKnownInstruction(boolean value) {
            returnsKnownInstruction = value;
            return this;
        }

        Facts creditedPortalId(String value) {
            creditedPortalId = value;
            return this;
        }

        Facts order(UnaryOperator<Order> changes) {
            orderChanges = changes;
            return this;
        }

        Facts orders(OrderLookup value) {
            orders = value;
            return this;
        }

        MatchingFacts build() {
            OrderSnapshot order =
                    orderChanges.apply(baseOrder.apply(new Order())).build();
            OrderLookup lookup = orders != null ? orders : OrderLookup.of(order);
            return new MatchingFacts(
                    Optional.ofNullable(sameNotificationId),
                    Optional.ofNullable(sameBankReference),
                    returnsKnownInstruction,
                    Optional.ofNullable(creditedPortalId),
                    lookup);
        }
    }
}
