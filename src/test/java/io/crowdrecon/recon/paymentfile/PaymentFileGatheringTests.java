package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.Gathering;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.PlannedFile;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentFileGatheringTests {

    private static final Instant NOW = Instant.parse("2026-12-06T17:30:00Z");
    private static final LocalDate DATE = LocalDate.parse("2026-12-07");
    private static final PortalId ALPHA = PortalId.of("PRTAAAAAAAAAAAAAAAA");
    private static final PortalId BETA = PortalId.of("PRTBBBBBBBBBBBBBBBB");
    private static final PortalId NO_ACCOUNT = PortalId.of("PRTCCCCCCCCCCCCCCCC");
    private static final PortalId GREEK_NAMED = PortalId.of("PRTDDDDDDDDDDDDDDDD");
    private static final Iban ALPHA_IBAN = Iban.parse("IT60X0542811101000000123456");
    private static final Iban BETA_IBAN = Iban.parse("DE89370400440532013000");
    private static final Map<PortalId, DebtorAccount> ACCOUNTS = Map.of(
            ALPHA, new DebtorAccount(ALPHA_IBAN, "Crowd Alpha S.r.l.", Pain001Version.V09),
            BETA, new DebtorAccount(BETA_IBAN, "Beta Crowdfunding GmbH & Co", Pain001Version.V03),
            GREEK_NAMED, new DebtorAccount(Iban.parse("FR1420041010050500013M02606"), "Αθήνα", Pain001Version.V09));
    private static final String CREDITOR_IBAN = "NL91ABNA0417164300";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "a non-EUR instruction",
                        instruction("PIA", ALPHA, "10.00", "CHF", CREDITOR_IBAN, "Ada"),
                        "SEPA carries euros"),
                Arguments.of(
                        "an instruction of no portal",
                        instruction("PIA", null, "10.00", "EUR", CREDITOR_IBAN, "Ada"),
                        "belongs to no portal"),
                Arguments.of(
                        "a portal without a collection account",
                        instruction("PIA", NO_ACCOUNT, "10.00", "EUR", CREDITOR_IBAN, "Ada"),
                        "has no collection account"),
                Arguments.of(
                        "a portal whose name has no Latin letter",
                        instruction("PIA", GREEK_NAMED, "10.00", "EUR", CREDITOR_IBAN, "Ada"),
                        "name has no letter or digit"),
                Arguments.of(
                        "a missing creditor IBAN",
                        instruction("PIA", ALPHA, "10.00", "EUR", null, "Ada"),
                        "creditor IBAN is missing or not a valid IBAN"),
                Arguments.of(
                        "an invalid creditor IBAN",
                        instruction("PIA", ALPHA, "10.00", "EUR", "NL91ABNA0417164301", "Ada"),
                        "creditor IBAN is missing or not a valid IBAN"),
                Arguments.of(
                        "a missing creditor name",
                        instruction("PIA", ALPHA, "10.00", "EUR", CREDITOR_IBAN, null),
                        "creditor name is missing"),
                Arguments.of(
                        "a creditor name in Cyrillic only",
                        instruction("PIA", ALPHA, "10.00", "EUR", CREDITOR_IBAN, "Иван Петров"),
                        "no letter or digit in the SEPA character set"),
                Arguments.of(
                        "an amount beyond what SEPA carries",
                        instruction("PIA", ALPHA, "1000000000.00", "EUR", CREDITOR_IBAN, "Ada"),
                        "the payment file writer refuses the transfer"),
                Arguments.of(
                        "an instruction id that is no SEPA identifier",
                        instruction("PI A//B", ALPHA, "10.00", "EUR", CREDITOR_IBAN, "Ada"),
                        "the payment file writer refuses the transfer"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusals")
    void refusesWhatCannotLeaveInASepaFileAndSaysWhy(String what, PaymentInstruction refused, String reason) {
        PaymentInstruction fine = instruction("PIOK", ALPHA, "25.50", "EUR", CREDITOR_IBAN, "Ada");

        Gathering gathering = PaymentFileGathering.gather(List.of(refused, fine), ACCOUNTS, DATE);

        assertThat(gathering.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.instruction()).isEqualTo(refused);
            assertThat(refusal.reason()).contains(reason);
        });
        assertThat(gathering.files()).singleElement().satisfies(file -> assertThat(file.transfers())
                .extracting(t -> t.instructionId().value())
                .containsExactly("PIOK"));
    }

    @Test
    void makesOneFilePerDebtorAccountInTheCandidatesOrder() {
        Gathering gathering = PaymentFileGathering.gather(
                List.of(
                        instruction("PI1", ALPHA, "0.01", "EUR", CREDITOR_IBAN, "Müller"),
                        instruction("PI2", BETA, "999999999.99", "EUR", "FR1420041010050500013M02606", "Ørsted A/S"),
                        instruction("PI3", ALPHA, "100", "EUR", "ES9121000418450200051332", "Núñez")),
                ACCOUNTS,
                DATE);

        assertThat(gathering.refusals()).isEmpty();
        // ordered by debtor IBAN: DE… before IT…
        assertThat(gathering.files()).extracting(f -> f.debtor().iban()).containsExactly(BETA_IBAN, ALPHA_IBAN);
        PlannedFile beta = gathering.files().get(0);
        assertThat(beta.debtorName()).isEqualTo("Beta Crowdfunding GmbH + Co");
        assertThat(beta.debtor().version()).isEqualTo(Pain001Version.V03);
        assertThat(beta.executionDate()).isEqualTo(DATE);
        PlannedFile alpha = gathering.files().get(1);
        assertThat(alpha.transfers()).extracting(t -> t.instructionId().value()).containsExactly("PI1", "PI3");
        assertThat(alpha.transfers())
                .extracting(t -> t.transfer().creditorName())
                .containsExactly("Muller", "Nunez");
        assertThat(alpha.transfers())
                .extracting(t -> t.transfer().amount().toPlainString())
                .containsExactly("0.01", "100.00");
        assertThat(alpha.transfers()).extracting(t -> t.transfer().endToEndId()).containsExactly("PI1", "PI3");
    }

    @Test
    void remitsTheInstructionIdWhenTheInstructionHasNoRemittanceOfItsOwn() {
        PaymentInstruction bare = withRemittance(instruction("PI1", ALPHA, "5", "EUR", CREDITOR_IBAN, "Ada"), null);
        PaymentInstruction rf = withRemittance(bare, "RF18 5390 0754 7034");

        assertThat(PaymentFileGathering.gather(List.of(bare), ACCOUNTS, DATE)
                        .files()
                        .get(0)
                        .transfers()
                        .get(0)
                        .transfer()
                        .remittance())
                .isEqualTo(new Remittance.Unstructured("PI1"));
        assertThat(PaymentFileGathering.gather(List.of(rf), ACCOUNTS, DATE)
                        .files()
                        .get(0)
                        .transfers()
                        .get(0)
                        .transfer()
                        .remittance())
                .isEqualTo(new Remittance.Structured("RF18539007547034"));
    }

    @Test
    void makesNoFileWhenNothingCanLeave() {
        Gathering gathering = PaymentFileGathering.gather(
                List.of(instruction("PI1", ALPHA, "5", "USD", CREDITOR_IBAN, "Ada")), ACCOUNTS, DATE);

        assertThat(gathering.files()).isEmpty();
        assertThat(gathering.refusals()).hasSize(1);
    }

    @Test
    void refusesToGatherAnInstructionTheAdapterShouldNotHaveSelected() {
        PaymentInstruction card = PaymentInstruction.create(
                new InstructionId("PI1"),
                InstructionType.CARD_REFUND,
                PaymentChannel.CARD,
                InstructionStatus.CREATED,
                new BigDecimal("5"),
                "EUR",
                null,
                null,
                "PSP1",
                null,
                ALPHA,
                null,
                null,
                null,
                null,
                null,
                null,
                NOW);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentFileGathering.gather(List.of(card), ACCOUNTS, DATE));
    }

    static PaymentInstruction instruction(
            String id,
            @Nullable PortalId portalId,
            String amount,
            String currency,
            @Nullable String creditorIban,
            @Nullable String creditorName) {
        return PaymentInstruction.create(
                new InstructionId(id),
                InstructionType.REFUND,
                PaymentChannel.BANK_TRANSFER,
                InstructionStatus.CREATED,
                new BigDecimal(amount),
                currency,
                creditorIban,
                creditorName,
                null,
                "Refund of your order",
                portalId,
                null,
                null,
                null,
                null,
                null,
                null,
                NOW);
    }

    private static PaymentInstruction withRemittance(PaymentInstruction i, @Nullable String remittance) {
        return PaymentInstruction.create(
                i.instructionId(),
                i.type(),
                i.channel(),
                i.status(),
                i.amount(),
                i.currency(),
                i.creditorIban(),
                i.creditorName(),
                null,
                remittance,
                i.portalId(),
                null,
                null,
                null,
                null,
                null,
                null,
                NOW);
    }
}
