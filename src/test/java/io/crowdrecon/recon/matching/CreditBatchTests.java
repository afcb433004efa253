package io.crowdrecon.recon.matching;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutType.COMPANY;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutType.FEE;
import static io.crowdrecon.recon.review.ReviewKind.CHANNEL_MISMATCH;
import static io.crowdrecon.recon.review.ReviewKind.FEED_CONFLICT;
import static io.crowdrecon.recon.review.ReviewKind.INSTRUCTION_FAILED;
import static io.crowdrecon.recon.review.ReviewKind.PAYER_MISMATCH;
import static io.crowdrecon.recon.review.ReviewKind.RETURN_IMPOSSIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crowdrecon.recon.matching.Bookings.InstructionFailure;
import io.crowdrecon.recon.matching.Bookings.OrderMove;
import io.crowdrecon.recon.matching.Bookings.Outcome;
import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditFacts.BankReference;
import io.crowdrecon.recon.matching.CreditFacts.ReturnableInstruction;
import io.crowdrecon.recon.order.InvestorAccount;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderStatusChanged;
import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionMessage;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewStatus;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a batch of credits books, SPEC sections 4 and 5: for each outcome of the matcher, the rows it writes (moneyin
 * and moneyouts, unidentified transfer and its return, order moves, review items, failed instructions) and the events
 * announcing them, in order. The table says which rows; the tests after it say what is in them.
 */
class CreditBatchTests {

    private static final String ORDER = "TRX1234567890123428";
    private static final String PORTAL = "PRT0000000000000001";
    private static final String OTHER_PORTAL = "PRT0000000000000002";
    private static final String CAMPAIGN = "COL0000000000000001";
    private static final String COMPANY_ID = "USR0000000000000001";
    private static final String COLLECTION_IBAN = "IT02L1234512345123456789012";
    private static final String INVESTOR_IBAN = "IT60X0542811101000000123456";
    private static final String OTHER_IBAN = "DE89370400440532013000";
    private static final String BANK_REFERENCE = "BR-2025-000123";
    private static final String PSP_REFERENCE = "PSP-8812";
    private static final Instant RECEIVED_AT = Instant.parse("2025-03-10T10:15:30Z");
    private static final Instant NOW = Instant.parse("2025-03-10T10:15:31Z");
    private static final LocalDate BOOKED_ON = LocalDate.parse("2025-03-10");

    private static final String MONEYOUT_CREATED = MoneyoutMessage.CREATED;
    private static final String ORDER_MOVED = OrderStatusChanged.TYPE;
    private static final String TRANSFER_RECEIVED = UnidentifiedTransferMessage.RECEIVED;
    private static final String RETURN_REQUESTED = PaymentInstructionMessage.REQUESTED;

    static Stream<Arguments> outcomes() {
        return Stream.of(
                // rule 8: a match
                row(
                        "matches a credit of the order's total: a moneyin, COMPANY and FEE moneyouts, order ACCOUNTED",
                        List.of(bank(c -> c)),
                        facts(f -> f),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "books no FEE moneyout for an order without fee",
                        List.of(bank(c -> c.amount("1000.00"))),
                        facts(f -> f.order(o -> o.amounts("1000.00", "1000.00", "0.00"))),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "matches a card capture like a bank transfer",
                        List.of(card(c -> c)),
                        cardFacts(f -> f),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "accounts an INCORRECT_AMOUNT order paid in full at last",
                        List.of(bank(c -> c)),
                        facts(f -> f.order(o -> o.status(INCORRECT_AMOUNT))),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "still matches a bank payer other than the investor account, opening PAYER_MISMATCH",
                        List.of(bank(c -> c.payerIban(OTHER_IBAN))),
                        facts(f -> f),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .reviews(PAYER_MISMATCH)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "still matches a bank transfer paying a card order, opening CHANNEL_MISMATCH",
                        List.of(bank(c -> c)),
                        facts(f ->
                                f.order(o -> o.channel(OrderChannel.CREDIT_CARD).account(null))),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .reviews(CHANNEL_MISMATCH)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "opens both PAYER_MISMATCH and CHANNEL_MISMATCH when both differ",
                        List.of(bank(c -> c.payerIban(OTHER_IBAN))),
                        facts(f -> f.order(o -> o.channel(OrderChannel.CREDIT_CARD))),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .reviews(PAYER_MISMATCH, CHANNEL_MISMATCH)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                // rules 3 to 7: unidentified, returned on the channel it came from
                row(
                        "returns a credit without reference to the payer's IBAN",
                        List.of(bank(c -> c.description("Quote Rossi"))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED MISSING_REFERENCE")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                row(
                        "returns a credit to an account that is no portal's collection IBAN",
                        List.of(bank(c -> c)),
                        facts(Facts::noPortal),
                        written()
                                .credits("UNIDENTIFIED UNKNOWN_ACCOUNT")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                row(
                        "returns a credit in another currency",
                        List.of(bank(c -> c.currency("CHF"))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED CURRENCY_MISMATCH")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                row(
                        "holds the return of a credit without a valid payer IBAN, opening RETURN_IMPOSSIBLE, unannounced",
                        List.of(bank(c -> c.description(null).payerIban("IT00X0542811101000000123456"))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED MISSING_REFERENCE")
                                .transfers(1)
                                .returns("TRANSFER_RETURN ON_HOLD")
                                .reviews(RETURN_IMPOSSIBLE)
                                .events(TRANSFER_RECEIVED)),
                row(
                        "returns a card capture for an unknown order as a CARD_REFUND, with no IBAN needed",
                        List.of(card(c -> c)),
                        cardFacts(Facts::noOrder),
                        written()
                                .credits("UNIDENTIFIED UNKNOWN_ORDER")
                                .transfers(1)
                                .returns("CARD_REFUND CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                row(
                        "returns a second payment of an accounted order without touching the order",
                        List.of(bank(c -> c)),
                        facts(f -> f.order(o -> o.status(ACCOUNTED))),
                        written()
                                .credits("UNIDENTIFIED ALREADY_PAID")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                // rule 7: the wrong amount
                row(
                        "returns a credit of the wrong amount and makes a WAITING order INCORRECT_AMOUNT",
                        List.of(bank(c -> c.amount("1000.00"))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED AMOUNT_MISMATCH")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .orderMoves(INCORRECT_AMOUNT)
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED, ORDER_MOVED)),
                row(
                        "returns a credit of the wrong amount and makes a CREATED order INCORRECT_AMOUNT",
                        List.of(bank(c -> c.amount("1000.00"))),
                        facts(f -> f.order(o -> o.status(CREATED))),
                        written()
                                .credits("UNIDENTIFIED AMOUNT_MISMATCH")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .orderMoves(INCORRECT_AMOUNT)
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED, ORDER_MOVED)),
                row(
                        "returns a credit of the wrong amount leaving an INCORRECT_AMOUNT order as it is",
                        List.of(bank(c -> c.amount("1000.00"))),
                        facts(f -> f.order(o -> o.status(INCORRECT_AMOUNT))),
                        written()
                                .credits("UNIDENTIFIED AMOUNT_MISMATCH")
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(TRANSFER_RECEIVED, RETURN_REQUESTED)),
                row(
                        "moves the order of a wrong amount also when its return is on hold",
                        List.of(bank(c -> c.amount("1000.00").payerIban(null))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED AMOUNT_MISMATCH")
                                .transfers(1)
                                .returns("TRANSFER_RETURN ON_HOLD")
                                .orderMoves(INCORRECT_AMOUNT)
                                .reviews(RETURN_IMPOSSIBLE)
                                .events(TRANSFER_RECEIVED, ORDER_MOVED)),
                // rule 1: duplicates
                row(
                        "ignores a redelivery of a recorded notification, writing nothing and counting it",
                        List.of(bank(c -> c)),
                        facts(f -> f.recorded("N1", "1100.00")),
                        written().ignored(1)),
                row(
                        "records the same bank booking under another notification as DUPLICATE_FEED and nothing else",
                        List.of(bank(c -> c)),
                        facts(f -> f.booked("N0", "1100.00")),
                        written().credits("DUPLICATE_FEED of N0")),
                row(
                        "opens FEED_CONFLICT for a feed duplicate of another amount",
                        List.of(bank(c -> c)),
                        facts(f -> f.booked("N0", "1100.01")),
                        written().credits("DUPLICATE_FEED of N0").reviews(FEED_CONFLICT)),
                // rule 2: our own instruction coming back
                row(
                        "fails our instruction that came back, opening INSTRUCTION_FAILED",
                        List.of(bank(c -> c.returnOfInstructionId("PI1"))),
                        facts(f -> f.instruction("EXECUTED")),
                        written()
                                .credits("INSTRUCTION_RETURNED")
                                .failures("PI1 RETURNED_BY_BANK")
                                .reviews(INSTRUCTION_FAILED)),
                row(
                        "fails a returned instruction with the bank's reason code when it gives one",
                        List.of(bank(c -> c.returnOfInstructionId("PI1").returnReason("AC04"))),
                        facts(f -> f.instruction("EXECUTED")),
                        written()
                                .credits("INSTRUCTION_RETURNED")
                                .failures("PI1 AC04")
                                .reviews(INSTRUCTION_FAILED)),
                row(
                        "only reviews an instruction that comes back again after it failed",
                        List.of(bank(c -> c.returnOfInstructionId("PI1"))),
                        facts(f -> f.instruction("FAILED")),
                        written().credits("INSTRUCTION_RETURNED").reviews(INSTRUCTION_FAILED)),
                row(
                        "decides a credit returning an instruction we do not know by the other rules",
                        List.of(bank(c -> c.returnOfInstructionId("PI9"))),
                        facts(f -> f.instruction("EXECUTED")),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                // a batch: each credit decided on what the ones before it booked
                row(
                        "returns the second of two credits for one order in a batch as already paid",
                        List.of(bank(c -> c), bank(c -> c.notificationId("N2").bankReference("BR-2"))),
                        facts(f -> f),
                        written()
                                .credits("MATCHED", "UNIDENTIFIED ALREADY_PAID")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(
                                        MONEYOUT_CREATED,
                                        MONEYOUT_CREATED,
                                        ORDER_MOVED,
                                        TRANSFER_RECEIVED,
                                        RETURN_REQUESTED)),
                row(
                        "accounts an order made INCORRECT_AMOUNT earlier in the batch when its total arrives",
                        List.of(bank(c -> c.amount("1000.00")), bank(c -> c.notificationId("N2")
                                .bankReference("BR-2"))),
                        facts(f -> f),
                        written()
                                .credits("UNIDENTIFIED AMOUNT_MISMATCH", "MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(INCORRECT_AMOUNT, ACCOUNTED)
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(
                                        TRANSFER_RECEIVED,
                                        RETURN_REQUESTED,
                                        ORDER_MOVED,
                                        MONEYOUT_CREATED,
                                        MONEYOUT_CREATED,
                                        ORDER_MOVED)),
                row(
                        "ignores a redelivery inside the batch like one across batches",
                        List.of(bank(c -> c), bank(c -> c)),
                        facts(f -> f),
                        written()
                                .credits("MATCHED")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)
                                .ignored(1)),
                row(
                        "records a booking sent twice in one batch as a feed duplicate of the first",
                        List.of(bank(c -> c), bank(c -> c.notificationId("N2"))),
                        facts(f -> f),
                        written()
                                .credits("MATCHED", "DUPLICATE_FEED of N1")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .events(MONEYOUT_CREATED, MONEYOUT_CREATED, ORDER_MOVED)),
                row(
                        "never takes a card capture of the batch for the bank booking of a later credit",
                        List.of(card(c -> c), bank(c -> c.notificationId("N2")
                                .creditorIban(null)
                                .bankReference(null)
                                .description(null))),
                        cardFacts(f -> f),
                        written()
                                .credits("MATCHED", "UNIDENTIFIED UNKNOWN_ACCOUNT")
                                .moneyins(1)
                                .moneyouts(COMPANY, FEE)
                                .orderMoves(ACCOUNTED)
                                .transfers(1)
                                .returns("TRANSFER_RETURN CREATED")
                                .events(
                                        MONEYOUT_CREATED,
                                        MONEYOUT_CREATED,
                                        ORDER_MOVED,
                                        TRANSFER_RECEIVED,
                                        RETURN_REQUESTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void booksEachCreditWithOneOutcomeAndAnnouncesWhatItWrote(
            String behaviour, List<IncomingCredit> credits, CreditFacts facts, Expected expected) {
        assertThat(Written.of(book(credits, facts))).isEqualTo(expected.build());
    }

    // --- a match ---

    @Test
    void aMatchBooksAMoneyinOfTheTotalAndAvailableMoneyoutsOfTheOrderAndFeeAmounts() {
        Bookings bookings = book(List.of(bank(c -> c.payerIban("it60 x054 2811 1010 0000 0123 456"))), facts(f -> f));

        Moneyin moneyin = bookings.moneyins().get(0);
        assertThat(moneyin)
                .isEqualTo(new Moneyin(
                        moneyin.moneyinId(),
                        OrderId.of(ORDER),
                        PortalId.of(PORTAL),
                        CampaignId.of(CAMPAIGN),
                        "N1",
                        new BigDecimal("1100.00"),
                        "EUR",
                        PaymentChannel.BANK_TRANSFER,
                        INVESTOR_IBAN,
                        "Mario Rossi",
                        null,
                        MoneyinStatus.RECEIVED,
                        NOW,
                        null));
        assertThat(IdPrefix.MONEYIN.isWellFormed(moneyin.moneyinId().value())).isTrue();
        assertThat(bookings.moneyouts())
                .extracting(m -> m.moneyoutId().value())
                .allMatch(IdPrefix.MONEYOUT::isWellFormed)
                .doesNotHaveDuplicates();
        assertThat(bookings.moneyouts())
                .extracting(
                        Moneyout::type,
                        Moneyout::status,
                        Moneyout::amount,
                        Moneyout::moneyinId,
                        Moneyout::orderId,
                        Moneyout::companyId,
                        Moneyout::splitOf,
                        Moneyout::createdAt)
                .containsExactly(
                        tuple(
                                COMPANY,
                                MoneyoutStatus.AVAILABLE,
                                new BigDecimal("1000.00"),
                                moneyin.moneyinId(),
                                OrderId.of(ORDER),
                                CompanyId.of(COMPANY_ID),
                                null,
                                NOW),
                        tuple(
                                FEE,
                                MoneyoutStatus.AVAILABLE,
                                new BigDecimal("100.00"),
                                moneyin.moneyinId(),
                                OrderId.of(ORDER),
                                CompanyId.of(COMPANY_ID),
                                null,
                                NOW));
        assertThat(bookings.credits())
                .containsExactly(new RecordedCreditRow(
                        bookings.credits().get(0).credit(),
                        PortalId.of(PORTAL),
                        Outcome.MATCHED,
                        null,
                        OrderId.of(ORDER),
                        null));
    }

    @Test
    void aMatchMovesTheOrderToAccountedAndAnnouncesEachMoneyoutThenTheMove() {
        Bookings bookings = book(List.of(bank(c -> c)), facts(f -> f));

        StatusChange accounted = new StatusChange(ACCOUNTED, WAITING, OrderReasons.PAYMENT_MATCHED, NOW);
        assertThat(bookings.orderMoves())
                .containsExactly(
                        new OrderMove(OrderId.of(ORDER), PortalId.of(PORTAL), CampaignId.of(CAMPAIGN), accounted));
        assertThat(bookings.events())
                .containsExactly(
                        MoneyoutMessage.created(bookings.moneyouts().get(0)),
                        MoneyoutMessage.created(bookings.moneyouts().get(1)),
                        new OrderStatusChanged(ORDER, CAMPAIGN, ACCOUNTED, WAITING, OrderReasons.PAYMENT_MATCHED, NOW)
                                .toEvent(PORTAL));
    }

    @Test
    void aCreditForAnOrderUnderAComplianceHoldIsMatchedAsUsualItsMoneyoutsBornHeld() {
        Bookings bookings = book(List.of(bank(c -> c)), facts(Facts::held));

        assertThat(bookings.credits()).extracting(RecordedCreditRow::outcome).containsExactly(Outcome.MATCHED);
        assertThat(bookings.moneyouts())
                .extracting(Moneyout::type, Moneyout::status, Moneyout::amount)
                .containsExactly(
                        tuple(COMPANY, MoneyoutStatus.HELD, new BigDecimal("1000.00")),
                        tuple(FEE, MoneyoutStatus.HELD, new BigDecimal("100.00")));
        assertThat(bookings.orderMoves())
                .extracting(move -> move.change().status())
                .containsExactly(ACCOUNTED);
        // Announced as created HELD: nobody may pay them out.
        assertThat(bookings.events())
                .containsExactly(
                        MoneyoutMessage.created(bookings.moneyouts().get(0)),
                        MoneyoutMessage.created(bookings.moneyouts().get(1)),
                        new OrderStatusChanged(ORDER, CAMPAIGN, ACCOUNTED, WAITING, OrderReasons.PAYMENT_MATCHED, NOW)
                                .toEvent(PORTAL));
        assertThat(bookings.reviewItems()).isEmpty();
    }

    @Test
    void aCardCaptureForAHeldOrderIsMatchedWithHeldMoneyoutsToo() {
        Bookings bookings = book(List.of(card(c -> c)), cardFacts(Facts::held));

        assertThat(bookings.moneyouts()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.HELD);
    }

    @Test
    void aHoldChangesNothingForACreditThatMatchesNoOrder() {
        Bookings bookings = book(List.of(bank(c -> c.amount("999.00"))), facts(Facts::held));

        assertThat(bookings.moneyouts()).isEmpty();
        assertThat(bookings.unidentifiedTransfers()).hasSize(1);
    }

    @Test
    void aMatchedCardCaptureBooksACardMoneyinOnItsPspReference() {
        Moneyin moneyin =
                book(List.of(card(c -> c)), cardFacts(f -> f)).moneyins().get(0);

        assertThat(moneyin.channel()).isEqualTo(PaymentChannel.CARD);
        assertThat(moneyin.pspReference()).isEqualTo(PSP_REFERENCE);
        assertThat(moneyin.payerIban()).isNull();
    }

    static Stream<Arguments> payerMismatches() {
        return Stream.of(
                Arguments.of(
                        "a person",
                        new InvestorAccount(Iban.parse(INVESTOR_IBAN), "Mario", "Rossi", null),
                        "Paid by Mario Rossi (" + OTHER_IBAN + "), not by the investor account Mario Rossi ("
                                + INVESTOR_IBAN + ")"),
                Arguments.of(
                        "a legal person",
                        new InvestorAccount(Iban.parse(INVESTOR_IBAN), null, null, "Acme s.r.l."),
                        "Paid by Mario Rossi (" + OTHER_IBAN + "), not by the investor account Acme s.r.l. ("
                                + INVESTOR_IBAN + ")"),
                Arguments.of(
                        "an account without IBAN",
                        new InvestorAccount(null, "Luigi", "Verdi", null),
                        "Paid by Mario Rossi (" + OTHER_IBAN + "), not by the investor account Luigi Verdi (no IBAN)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payerMismatches")
    void aPayerMismatchNamesThePayerAndTheInvestorAccountOfTheOrder(
            String holder, InvestorAccount account, String detail) {
        Bookings bookings =
                book(List.of(bank(c -> c.payerIban(OTHER_IBAN))), facts(f -> f.order(o -> o.account(account))));

        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::portalId, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(PAYER_MISMATCH, PortalId.of(PORTAL), OrderId.of(ORDER), "N1"));
        assertThat(bookings.reviewItems().get(0).detail()).isEqualTo(detail);
        assertThat(bookings.reviewItems().get(0).status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(bookings.reviewItems().get(0).createdAt()).isEqualTo(NOW);
    }

    @Test
    void aChannelMismatchSaysWhichOrderWasPaidOnWhichChannel() {
        Bookings bookings =
                book(List.of(card(c -> c)), cardFacts(f -> f.order(o -> o.channel(OrderChannel.MONEY_TRANSFER))));

        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::orderId, ReviewItem::subjectId, ReviewItem::detail)
                .containsExactly(
                        tuple(CHANNEL_MISMATCH, OrderId.of(ORDER), "N1", "A MONEY_TRANSFER order paid by CREDIT_CARD"));
    }

    // --- unidentified credits and their returns ---

    @Test
    void anUnidentifiedCreditBecomesATransferReturnedInFullToThePayersIban() {
        Bookings bookings = book(
                List.of(bank(c -> c.description("Quote Rossi").payerIban("it60 x054 2811 1010 0000 0123 456"))),
                facts(f -> f));

        UnidentifiedTransfer transfer = bookings.unidentifiedTransfers().get(0);
        assertThat(IdPrefix.UNIDENTIFIED_TRANSFER.isWellFormed(
                        transfer.unidentifiedTransferId().value()))
                .isTrue();
        assertThat(IdPrefix.PAYMENT_INSTRUCTION.isWellFormed(
                        bookings.instructions().get(0).instructionId().value()))
                .isTrue();
        assertThat(transfer)
                .isEqualTo(new UnidentifiedTransfer(
                        transfer.unidentifiedTransferId(),
                        "N1",
                        PortalId.of(PORTAL),
                        "BANK_TRANSFER",
                        new BigDecimal("1100.00"),
                        "EUR",
                        "Quote Rossi",
                        "Mario Rossi",
                        "it60 x054 2811 1010 0000 0123 456",
                        null,
                        UnidentifiedReason.MISSING_REFERENCE,
                        null,
                        UnidentifiedStatus.RETURN_REQUESTED,
                        RECEIVED_AT,
                        null));
        PaymentInstruction expectedReturn = PaymentInstruction.create(
                bookings.instructions().get(0).instructionId(),
                InstructionType.TRANSFER_RETURN,
                PaymentChannel.BANK_TRANSFER,
                InstructionStatus.CREATED,
                new BigDecimal("1100.00"),
                "EUR",
                INVESTOR_IBAN,
                "Mario Rossi",
                null,
                "Return of " + BANK_REFERENCE + ": MISSING_REFERENCE",
                PortalId.of(PORTAL),
                null,
                transfer.unidentifiedTransferId(),
                null,
                null,
                null,
                null,
                NOW);
        assertThat(bookings.instructions()).containsExactly(expectedReturn);
        assertThat(bookings.events())
                .containsExactly(
                        UnidentifiedTransferMessage.received(transfer),
                        PaymentInstructionMessage.requested(expectedReturn));
        assertThat(bookings.credits())
                .containsExactly(new RecordedCreditRow(
                        bookings.credits().get(0).credit(),
                        PortalId.of(PORTAL),
                        Outcome.UNIDENTIFIED,
                        UnidentifiedReason.MISSING_REFERENCE,
                        null,
                        null));
    }

    @Test
    void anUnidentifiedCreditNamingAnOrderKeepsItAsTheCandidate() {
        Bookings bookings = book(List.of(bank(c -> c)), facts(f -> f.order(o -> o.status(ACCOUNTED))));

        assertThat(bookings.unidentifiedTransfers().get(0).candidateOrderId()).isEqualTo(ORDER);
        assertThat(bookings.credits().get(0).orderId()).isEqualTo(OrderId.of(ORDER));
        assertThat(bookings.credits().get(0).reason()).isEqualTo(UnidentifiedReason.ALREADY_PAID);
    }

    @Test
    void aCreditToAnUnknownAccountBelongsToNoPortal() {
        Bookings bookings = book(List.of(bank(c -> c)), facts(Facts::noPortal));

        assertThat(bookings.unidentifiedTransfers().get(0).portalId()).isNull();
        assertThat(bookings.instructions().get(0).portalId()).isNull();
        assertThat(bookings.credits().get(0).portalId()).isNull();
    }

    @ParameterizedTest(name = "{0} EUR returned {1}")
    @CsvSource({"15000.00, CREATED", "15000.01, AWAITING_APPROVAL", "250000.00, AWAITING_APPROVAL"})
    void aReturnAboveTheApprovalThresholdWaitsForAnApproverUnannounced(String amount, InstructionStatus expected) {
        Bookings bookings = book(List.of(bank(c -> c.amount(amount).description("No reference"))), facts(f -> f));

        PaymentInstruction returned = bookings.instructions().get(0);
        assertThat(returned.status()).isEqualTo(expected);
        assertThat(bookings.unidentifiedTransfers().get(0).status()).isEqualTo(UnidentifiedStatus.RETURN_REQUESTED);
        assertThat(bookings.events())
                .as("the return is requested from the bank only once CREATED")
                .filteredOn(e -> e.type().equals(PaymentInstructionMessage.REQUESTED))
                .hasSize(expected == InstructionStatus.CREATED ? 1 : 0);
    }

    @Test
    void aCardCaptureAboveTheApprovalThresholdIsRefundedOnlyOnceApproved() {
        Bookings bookings = book(List.of(card(c -> c.amount("20000.00"))), facts(f -> f));

        assertThat(bookings.instructions()).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(InstructionType.CARD_REFUND);
            assertThat(i.status()).isEqualTo(InstructionStatus.AWAITING_APPROVAL);
        });
        assertThat(bookings.events()).noneMatch(e -> e.type().equals(PaymentInstructionMessage.REQUESTED));
    }

    @Test
    void aCreditInAnotherCurrencyIsReturnedInItsOwnCurrencyAndAmount() {
        Bookings bookings = book(List.of(bank(c -> c.amount("1100").currency("JPY"))), facts(f -> f));

        assertThat(bookings.instructions().get(0).currency()).isEqualTo("JPY");
        assertThat(bookings.instructions().get(0).amount()).isEqualTo(new BigDecimal("1100"));
        assertThat(bookings.unidentifiedTransfers().get(0).reason()).isEqualTo(UnidentifiedReason.CURRENCY_MISMATCH);
    }

    @ParameterizedTest(name = "payer IBAN \"{0}\"")
    @CsvSource(
            value = {"NULL", "''", "'  '", "IT00X0542811101000000123456", "not an iban"},
            nullValues = "NULL")
    void aReturnWithoutAValidPayerIbanWaitsOnHoldWithAReturnImpossibleItem(String payerIban) {
        Bookings bookings = book(List.of(bank(c -> c.description(null).payerIban(payerIban))), facts(f -> f));

        UnidentifiedTransfer transfer = bookings.unidentifiedTransfers().get(0);
        UnidentifiedTransferId transferId = transfer.unidentifiedTransferId();
        assertThat(transfer.status()).isEqualTo(UnidentifiedStatus.RECEIVED);
        assertThat(bookings.instructions())
                .extracting(
                        PaymentInstruction::type,
                        PaymentInstruction::status,
                        PaymentInstruction::creditorIban,
                        PaymentInstruction::unidentifiedTransferId)
                .containsExactly(tuple(InstructionType.TRANSFER_RETURN, InstructionStatus.ON_HOLD, null, transferId));
        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::portalId, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(RETURN_IMPOSSIBLE, PortalId.of(PORTAL), null, transferId.value()));
        assertThat(bookings.reviewItems().get(0).detail())
                .isEqualTo("Unidentified transfer " + transferId.value()
                        + " (1100.00 EUR) has no valid payer IBAN to return"
                        + " it to; give one with PUT /ops/unidentified-transfers/" + transferId.value()
                        + "/return-iban");
        assertThat(bookings.events()).containsExactly(UnidentifiedTransferMessage.received(transfer));
    }

    @Test
    void anUnidentifiedCardCaptureIsRefundedOnItsPspReference() {
        Bookings bookings = book(List.of(card(c -> c.payerName("M ROSSI"))), cardFacts(Facts::noOrder));

        UnidentifiedTransfer transfer = bookings.unidentifiedTransfers().get(0);
        assertThat(transfer.channel()).isEqualTo("CARD");
        assertThat(transfer.pspReference()).isEqualTo(PSP_REFERENCE);
        assertThat(transfer.status()).isEqualTo(UnidentifiedStatus.RETURN_REQUESTED);
        assertThat(bookings.instructions())
                .containsExactly(PaymentInstruction.create(
                        bookings.instructions().get(0).instructionId(),
                        InstructionType.CARD_REFUND,
                        PaymentChannel.CARD,
                        InstructionStatus.CREATED,
                        new BigDecimal("1100.00"),
                        "EUR",
                        null,
                        "M ROSSI",
                        PSP_REFERENCE,
                        "Return of " + PSP_REFERENCE + ": UNKNOWN_ORDER",
                        PortalId.of(PORTAL),
                        null,
                        transfer.unidentifiedTransferId(),
                        null,
                        null,
                        null,
                        null,
                        NOW));
        assertThat(bookings.reviewItems()).isEmpty();
    }

    static Stream<Arguments> cardReturnPortals() {
        return Stream.of(
                // reporting portal, portal of the (accounted) order it names or null for none, expected
                Arguments.of("the portal whose webhook reported it", PORTAL, null, PORTAL),
                Arguments.of("the reporting portal rather than the named order's", PORTAL, OTHER_PORTAL, PORTAL),
                Arguments.of("else the portal of the order it names", null, OTHER_PORTAL, OTHER_PORTAL),
                Arguments.of("else no portal, when it names no known order", null, null, null));
    }

    @ParameterizedTest(name = "a returned card capture belongs to {0}")
    @MethodSource("cardReturnPortals")
    void aReturnedCardCaptureBelongsToTheReportingPortalElseToTheNamedOrders(
            String behaviour, String sourcePortal, String orderPortal, String expectedPortal) {
        CreditFacts facts = orderPortal == null
                ? cardFacts(Facts::noOrder)
                : cardFacts(f -> f.order(o -> o.status(ACCOUNTED).portalId(orderPortal)));

        Bookings bookings = book(List.of(card(c -> c.sourcePortalId(sourcePortal))), facts);

        assertThat(bookings.unidentifiedTransfers().get(0).portalId())
                .isEqualTo(expectedPortal == null ? null : PortalId.of(expectedPortal));
        assertThat(bookings.instructions().get(0).portalId())
                .isEqualTo(expectedPortal == null ? null : PortalId.of(expectedPortal));
        assertThat(bookings.credits().get(0).portalId())
                .isEqualTo(expectedPortal == null ? null : PortalId.of(expectedPortal));
    }

    @Test
    void aReturnsRemittanceIsCutToTheBanks140Characters() {
        String longReference = "R".repeat(200);

        Bookings bookings =
                book(List.of(bank(c -> c.bankReference(longReference).description(null))), facts(f -> f));

        assertThat(bookings.instructions().get(0).remittanceInformation())
                .isEqualTo(("Return of " + longReference).substring(0, 140));
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(
            value = OrderStatus.class,
            names = {"CREATED", "WAITING"})
    void aCreditOfTheWrongAmountMovesACreatedOrWaitingOrderToIncorrectAmountAndAnnouncesIt(OrderStatus from) {
        Bookings bookings = book(List.of(bank(c -> c.amount("1000.00"))), facts(f -> f.order(o -> o.status(from))));

        StatusChange change = new StatusChange(INCORRECT_AMOUNT, from, OrderReasons.AMOUNT_MISMATCH, NOW);
        assertThat(bookings.orderMoves())
                .containsExactly(
                        new OrderMove(OrderId.of(ORDER), PortalId.of(PORTAL), CampaignId.of(CAMPAIGN), change));
        assertThat(bookings.events())
                .last()
                .isEqualTo(new OrderStatusChanged(ORDER, CAMPAIGN, INCORRECT_AMOUNT, from, "AMOUNT_MISMATCH", NOW)
                        .toEvent(PORTAL));
        // The wrong amount goes back whole: the order is not paid in part.
        assertThat(bookings.instructions().get(0).amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(bookings.moneyins()).isEmpty();
    }

    // --- duplicates ---

    @Test
    void redeliveriesAreCountedAndWriteNothing() {
        Bookings bookings = book(
                List.of(bank(c -> c), bank(c -> c.notificationId("N2")), bank(c -> c)),
                facts(f -> f.recorded("N1", "1100.00").recorded("N2", "1100.00")));

        assertThat(bookings.ignoredRedeliveries()).isEqualTo(3);
        assertThat(Written.of(bookings)).isEqualTo(written().ignored(3).build());
    }

    @Test
    void aFeedDuplicateIsRecordedAgainstTheFirstNotificationOfTheBooking() {
        Bookings bookings = book(List.of(bank(c -> c.notificationId("N2"))), facts(f -> f.booked("N0", "1100.00")));

        assertThat(bookings.credits())
                .containsExactly(new RecordedCreditRow(
                        bookings.credits().get(0).credit(),
                        PortalId.of(PORTAL),
                        Outcome.DUPLICATE_FEED,
                        null,
                        null,
                        "N0"));
        assertThat(bookings.reviewItems()).isEmpty();
    }

    @Test
    void aFeedConflictWithABookingOfAnEarlierBatchSaysWhatCameAgain() {
        Bookings bookings = book(List.of(bank(c -> c.notificationId("N2"))), facts(f -> f.booked("N0", "1100.01")));

        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::portalId, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(FEED_CONFLICT, PortalId.of(PORTAL), null, "N2"));
        assertThat(bookings.reviewItems().get(0).detail())
                .isEqualTo("Bank reference BR-2025-000123 booked again as N2 with 1100.00 EUR on 2025-03-10;"
                        + " first booked as N0");
    }

    @Test
    void aFeedConflictWithinTheBatchSaysAlsoWhatWasFirstBooked() {
        Bookings bookings =
                book(List.of(bank(c -> c), bank(c -> c.notificationId("N2").amount("1100.01"))), facts(f -> f));

        assertThat(bookings.reviewItems().get(0).detail())
                .isEqualTo("Bank reference BR-2025-000123 booked again as N2 with 1100.01 EUR on 2025-03-10;"
                        + " first booked as N1 with 1100.00 EUR on 2025-03-10");
    }

    // --- our own instruction coming back ---

    @Test
    void aReturnedRefundFailsAndOpensAnItemForOpsAboutItsOrder() {
        Bookings bookings = book(
                List.of(bank(c -> c.returnOfInstructionId("PI1").description(null))),
                facts(f -> f.instruction("EXECUTED")));

        assertThat(bookings.instructionFailures())
                .containsExactly(new InstructionFailure(new InstructionId("PI1"), "RETURNED_BY_BANK", null));
        assertThat(bookings.credits())
                .containsExactly(new RecordedCreditRow(
                        bookings.credits().get(0).credit(),
                        PortalId.of(PORTAL),
                        Outcome.INSTRUCTION_RETURNED,
                        null,
                        OrderId.of(ORDER),
                        null));
        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::portalId, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(INSTRUCTION_FAILED, PortalId.of(OTHER_PORTAL), OrderId.of(ORDER), "PI1"));
        assertThat(bookings.reviewItems().get(0).detail())
                .isEqualTo("Instruction PI1 came back from the bank as credit N1 (1100.00 EUR); re-issue it once the"
                        + " destination is fixed");
        // Never matched nor returned: nothing else is written.
        assertThat(bookings.moneyins()).isEmpty();
        assertThat(bookings.unidentifiedTransfers()).isEmpty();
        assertThat(bookings.events()).isEmpty();
    }

    @Test
    void aReturnedTransferReturnFailsAlongWithTheTransferItReturned() {
        Bookings bookings =
                book(List.of(bank(c -> c.returnOfInstructionId("PI1"))), facts(f -> f.transferReturn("CREATED")));

        assertThat(bookings.instructionFailures())
                .containsExactly(new InstructionFailure(
                        new InstructionId("PI1"), "RETURNED_BY_BANK", new UnidentifiedTransferId("UTR1")));
        assertThat(bookings.credits().get(0).orderId()).isNull();
        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::portalId, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(INSTRUCTION_FAILED, PortalId.of(OTHER_PORTAL), null, "PI1"));
    }

    @Test
    void aReturnedInstructionsItemGivesTheBanksReasonCode() {
        Bookings bookings = book(
                List.of(bank(c -> c.returnOfInstructionId("PI1").returnReason("AC04"))),
                facts(f -> f.instruction("EXECUTED")));

        assertThat(bookings.instructionFailures())
                .containsExactly(new InstructionFailure(new InstructionId("PI1"), "AC04", null));
        assertThat(bookings.reviewItems().get(0).detail())
                .isEqualTo("Instruction PI1 came back from the bank (reason AC04) as credit N1 (1100.00 EUR); re-issue"
                        + " it once the destination is fixed");
    }

    @Test
    void anInstructionThatCameBackAfterItFailedIsOnlyReviewed() {
        Bookings bookings =
                book(List.of(bank(c -> c.returnOfInstructionId("PI1"))), facts(f -> f.instruction("FAILED")));

        assertThat(bookings.instructionFailures()).isEmpty();
        assertThat(bookings.reviewItems())
                .extracting(ReviewItem::kind, ReviewItem::subjectId, ReviewItem::detail)
                .containsExactly(tuple(
                        INSTRUCTION_FAILED,
                        "PI1",
                        "Instruction PI1, already FAILED, came back again as credit N1 (1100.00 EUR); check it was not"
                                + " paid twice"));
    }

    // --- test data: a bank transfer paying a WAITING order exactly, changed by each case ---

    private static Bookings book(List<IncomingCredit> credits, CreditFacts facts) {
        // One seeded generator for the whole batch: distinct ids, the same on every run.
        SplittableRandom random = new SplittableRandom(21);
        return CreditBatch.book(credits, facts, ReleasePolicy.DEFAULT, new IdGenerator(() -> random), NOW);
    }

    private static Arguments row(String behaviour, List<IncomingCredit> credits, CreditFacts facts, Expected expected) {
        return Arguments.of(behaviour, credits, facts, expected);
    }

    private static IncomingCredit bank(UnaryOperator<Credit> changes) {
        return changes.apply(new Credit()).build();
    }

    /** A card capture reported by the portal's webhook, naming the order. */
    private static IncomingCredit card(UnaryOperator<Credit> changes) {
        Credit capture = new Credit()
                .channel(CreditChannel.CARD)
                .creditorIban(null)
                .bankReference(null)
                .description(null)
                .payerName(null)
                .payerIban(null)
                .bookingDate(null)
                .pspReference(PSP_REFERENCE)
                .cardOrderId(ORDER)
                .sourcePortalId(PORTAL);
        return changes.apply(capture).build();
    }

    /** Facts of a first-seen credit to the portal's collection IBAN naming a WAITING money-transfer order. */
    private static CreditFacts facts(UnaryOperator<Facts> changes) {
        return changes.apply(new Facts(UnaryOperator.identity())).build();
    }

    /** Facts of a first-seen card capture naming a WAITING card order without investor account. */
    private static CreditFacts cardFacts(UnaryOperator<Facts> changes) {
        return changes.apply(new Facts(o -> o.channel(OrderChannel.CREDIT_CARD).account(null)))
                .build();
    }

    private static Expected written() {
        return new Expected();
    }

    /** What a batch wrote, by kind and in order: enough to tell each outcome from every other. */
    private record Written(
            List<String> credits,
            int moneyins,
            List<MoneyoutType> moneyouts,
            List<OrderStatus> orderMoves,
            int transfers,
            List<String> returns,
            List<ReviewKind> reviews,
            List<String> failures,
            List<String> events,
            int ignored) {

        static Written of(Bookings b) {
            return new Written(
                    b.credits().stream().map(Written::outcome).toList(),
                    b.moneyins().size(),
                    b.moneyouts().stream().map(Moneyout::type).toList(),
                    b.orderMoves().stream().map(m -> m.change().status()).toList(),
                    b.unidentifiedTransfers().size(),
                    b.instructions().stream()
                            .map(i -> i.type() + " " + i.status())
                            .toList(),
                    b.reviewItems().stream().map(ReviewItem::kind).toList(),
                    b.instructionFailures().stream()
                            .map(f -> f.instructionId() + " " + f.reason())
                            .toList(),
                    b.events().stream().map(OutboundEvent::type).toList(),
                    b.ignoredRedeliveries());
        }

        private static String outcome(RecordedCreditRow row) {
            return switch (row.outcome()) {
                case UNIDENTIFIED -> "UNIDENTIFIED " + row.reason();
                case DUPLICATE_FEED -> "DUPLICATE_FEED of " + row.duplicateOf();
                default -> row.outcome().name();
            };
        }
    }

    private static final class Expected {
        private List<String> credits = List.of();
        private int moneyins;
        private List<MoneyoutType> moneyouts = List.of();
        private List<OrderStatus> orderMoves = List.of();
        private int transfers;
        private List<String> returns = List.of();
        private List<ReviewKind> reviews = List.of();
        private List<String> failures = List.of();
        private List<String> events = List.of();
        private int ignored;

        Expected credits(String... outcomes) {
            credits = List.of(outcomes);
            return this;
        }

        Expected moneyins(int count) {
            moneyins = count;
            return this;
        }

        Expected moneyouts(MoneyoutType... types) {
            moneyouts = List.of(types);
            return this;
        }

        Expected orderMoves(OrderStatus... to) {
            orderMoves = List.of(to);
            return this;
        }

        Expected transfers(int count) {
            transfers = count;
            return this;
        }

        Expected returns(String... typeAndStatus) {
            returns = List.of(typeAndStatus);
            return this;
        }

        Expected reviews(ReviewKind... kinds) {
            reviews = List.of(kinds);
            return this;
        }

        Expected failures(String... instructionAndReason) {
            failures = List.of(instructionAndReason);
            return this;
        }

        Expected events(String... types) {
            events = List.of(types);
            return this;
        }

        Expected ignored(int count) {
            ignored = count;
            return this;
        }

        Written build() {
            return new Written(
                    credits, moneyins, moneyouts, orderMoves, transfers, returns, reviews, failures, events, ignored);
        }

        @Override
        public String toString() {
            return build().toString();
        }
    }

    private static final class Credit {
        private String notificationId = "N1";
        private CreditChannel channel = CreditChannel.BANK_TRANSFER;
        private BigDecimal amount = new BigDecimal("1100.00");
        private String currency = "EUR";
        private String creditorIban = COLLECTION_IBAN;
        private String bankReference = BANK_REFERENCE;
        private String description = "Sottoscrizione " + ORDER + " campagna Rossi";
        private String payerName = "Mario Rossi";
        private String payerIban = INVESTOR_IBAN;
        private String pspReference;
        private String cardOrderId;
        private String returnOfInstructionId;
        private String returnReason;
        private LocalDate bookingDate = BOOKED_ON;
        private String sourcePortalId;

        Credit notificationId(String value) {
            notificationId = value;
            return this;
        }

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

        Credit returnReason(String value) {
            returnReason = value;
            return this;
        }

        Credit bookingDate(LocalDate value) {
            bookingDate = value;
            return this;
        }

        Credit sourcePortalId(String value) {
            sourcePortalId = value;
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
                    null,
                    payerName,
                    payerIban,
                    pspReference,
                    cardOrderId,
                    returnOfInstructionId,
                    returnReason,
                    bookingDate,
                    RECEIVED_AT,
                    sourcePortalId);
        }
    }

    /** A WAITING money-transfer order of 1100.00 EUR: 1000.00 for the company, 100.00 fee. */
    private static final class OrderRow {
        private String portalId = PORTAL;
        private OrderStatus status = WAITING;
        private String totalAmount = "1100.00";
        private String orderAmount = "1000.00";
        private String feeAmount = "100.00";
        private OrderChannel channel = OrderChannel.MONEY_TRANSFER;
        private InvestorAccount account = new InvestorAccount(Iban.parse(INVESTOR_IBAN), "Mario", "Rossi", null);

        OrderRow portalId(String value) {
            portalId = value;
            return this;
        }

        OrderRow status(OrderStatus value) {
            status = value;
            return this;
        }

        OrderRow amounts(String total, String order, String fee) {
            totalAmount = total;
            orderAmount = order;
            feeAmount = fee;
            return this;
        }

        OrderRow channel(OrderChannel value) {
            channel = value;
            return this;
        }

        OrderRow account(InvestorAccount value) {
            account = value;
            return this;
        }

        Order build() {
            return new Order(
                    OrderId.of(ORDER),
                    PortalId.of(portalId),
                    CampaignId.of(CAMPAIGN),
                    CompanyId.of(COMPANY_ID),
                    InvestorId.of("INV0000000000000001"),
                    account,
                    new BigDecimal(totalAmount),
                    new BigDecimal(orderAmount),
                    new BigDecimal(feeAmount),
                    "EUR",
                    channel,
                    null,
                    status,
                    RECEIVED_AT.plus(Duration.ofDays(3)),
                    RECEIVED_AT.minus(Duration.ofDays(1)),
                    RECEIVED_AT.minus(Duration.ofDays(1)));
        }
    }

    private static final class Facts {
        private final Map<String, RecordedCredit> recordedByNotificationId = new HashMap<>();
        private final Map<BankReference, RecordedCredit> recordedByBankReference = new HashMap<>();
        private final Map<String, PortalId> portalIdByCollectionIban =
                new HashMap<>(Map.of(COLLECTION_IBAN, PortalId.of(PORTAL)));
        private final Map<String, ReturnableInstruction> instructionsById = new HashMap<>();
        private final List<UnaryOperator<OrderRow>> orderChanges = new ArrayList<>();
        private boolean noOrder;
        private boolean held;

        Facts(UnaryOperator<OrderRow> baseOrder) {
            orderChanges.add(baseOrder);
        }

        /** A notification recorded earlier with this id. */
        Facts recorded(String notificationId, String amount) {
            recordedByNotificationId.put(
                    notificationId, new RecordedCredit(notificationId, new BigDecimal(amount), "EUR", BOOKED_ON));
            return this;
        }

        /** The credits' bank booking, recorded earlier under another notification id. */
        Facts booked(String notificationId, String amount) {
            recordedByBankReference.put(
                    new BankReference(COLLECTION_IBAN, BANK_REFERENCE),
                    new RecordedCredit(notificationId, new BigDecimal(amount), "EUR", BOOKED_ON));
            return this;
        }

        /** Our instruction PI1, a refund of the order (for another portal than the credited one), in this status. */
        Facts instruction(String status) {
            instructionsById.put(
                    "PI1",
                    new ReturnableInstruction(
                            new InstructionId("PI1"), status, PortalId.of(OTHER_PORTAL), OrderId.of(ORDER), null));
            return this;
        }

        /** Our instruction PI1, the return of unidentified transfer UTR1, in this status. */
        Facts transferReturn(String status) {
            instructionsById.put(
                    "PI1",
                    new ReturnableInstruction(
                            new InstructionId("PI1"),
                            status,
                            PortalId.of(OTHER_PORTAL),
                            null,
                            new UnidentifiedTransferId("UTR1")));
            return this;
        }

        Facts noPortal() {
            portalIdByCollectionIban.clear();
            return this;
        }

        Facts noOrder() {
            noOrder = true;
            return this;
        }

        /** The order is under an active compliance hold (on it or on its investor). */
        Facts held() {
            held = true;
            return this;
        }

        Facts order(UnaryOperator<OrderRow> changes) {
            orderChanges.add(changes);
            return this;
        }

        CreditFacts build() {
            OrderRow order = new OrderRow();
            for (UnaryOperator<OrderRow> change : orderChanges) {
                order = change.apply(order);
            }
            return new CreditFacts(
                    recordedByNotificationId,
                    recordedByBankReference,
                    portalIdByCollectionIban,
                    noOrder ? Map.of() : Map.of(OrderId.of(ORDER), order.build()),
                    instructionsById,
                    held ? java.util.Set.of(OrderId.of(ORDER)) : java.util.Set.of());
        }
    }
}
