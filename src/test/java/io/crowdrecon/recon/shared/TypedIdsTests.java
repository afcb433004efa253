package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypedIdsTests {

    /** Each typed id: its kind, its constructor, its value and the generator's factory for it. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                kind(IdPrefix.PORTAL, PortalId::new, PortalId::value, IdGenerator::nextPortalId),
                kind(IdPrefix.COMPANY, CompanyId::new, CompanyId::value, IdGenerator::nextCompanyId),
                kind(IdPrefix.CAMPAIGN, CampaignId::new, CampaignId::value, IdGenerator::nextCampaignId),
                kind(IdPrefix.INVESTOR, InvestorId::new, InvestorId::value, IdGenerator::nextInvestorId),
                kind(IdPrefix.MONEYIN, MoneyinId::new, MoneyinId::value, IdGenerator::nextMoneyinId),
                kind(IdPrefix.MONEYOUT, MoneyoutId::new, MoneyoutId::value, IdGenerator::nextMoneyoutId),
                kind(IdPrefix.REFUND, RefundId::new, RefundId::value, IdGenerator::nextRefundId),
                kind(
                        IdPrefix.UNIDENTIFIED_TRANSFER,
                        UnidentifiedTransferId::new,
                        UnidentifiedTransferId::value,
                        IdGenerator::nextUnidentifiedTransferId),
                kind(IdPrefix.CASHOUT, CashoutId::new, CashoutId::value, IdGenerator::nextCashoutId),
                kind(
                        IdPrefix.PAYMENT_INSTRUCTION,
                        InstructionId::new,
                        InstructionId::value,
                        IdGenerator::nextInstructionId),
                kind(IdPrefix.REVIEW_ITEM, ReviewItemId::new, ReviewItemId::value, IdGenerator::nextReviewItemId),
                kind(IdPrefix.BANK_FILE, BankFileId::new, BankFileId::value, IdGenerator::nextBankFileId),
                kind(
                        IdPrefix.BANK_STATEMENT,
                        BankStatementId::new,
                        BankStatementId::value,
                        IdGenerator::nextBankStatementId),
                kind(IdPrefix.OPERATOR, OperatorId::new, OperatorId::value, IdGenerator::nextOperatorId),
                kind(IdPrefix.PAYMENT_FILE, PaymentFileId::new, PaymentFileId::value, IdGenerator::nextPaymentFileId),
                kind(IdPrefix.HOLD, HoldId::new, HoldId::value, IdGenerator::nextHoldId),
                kind(
                        IdPrefix.WEBHOOK_ENDPOINT,
                        WebhookEndpointId::new,
                        WebhookEndpointId::value,
                        IdGenerator::nextWebhookEndpointId),
                kind(
                        IdPrefix.WEBHOOK_DELIVERY,
                        WebhookDeliveryId::new,
                        WebhookDeliveryId::value,
                        IdGenerator::nextWebhookDeliveryId));
    }

    private static <T> Arguments kind(
            IdPrefix kind, Function<String, T> of, Function<T, String> value, Function<IdGenerator, T> next) {
        return Arguments.of(kind, of, value, next);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    <T> void the_generator_makes_well_formed_ids_of_each_kind(
            IdPrefix kind, Function<String, T> of, Function<T, String> value, Function<IdGenerator, T> next) {
        IdGenerator ids = new IdGenerator(() -> new SplittableRandom(7));

        T id = next.apply(ids);

        assertThat(kind.isWellFormed(value.apply(id)))
                .as("%s is a well-formed %s", id, kind)
                .isTrue();
        assertThat(id).hasToString(value.apply(id));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    <T> void an_id_is_its_value_compared_by_value(
            IdPrefix kind, Function<String, T> of, Function<T, String> value, Function<IdGenerator, T> next) {
        String spelled = kind.prefix() + "23456789ABCDEFGH";

        T id = of.apply(spelled);

        assertThat(value.apply(id)).isEqualTo(spelled);
        assertThat(id).hasToString(spelled).isEqualTo(of.apply(spelled)).isNotEqualTo(of.apply(spelled + "J"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    <T> void a_missing_or_blank_id_is_refused_naming_its_field(
            IdPrefix kind, Function<String, T> of, Function<T, String> value, Function<IdGenerator, T> next) {
        for (String missing : new String[] {null, "", "   ", "\t"}) {
            assertThatIllegalArgumentException()
                    .as("%s from %s", kind, missing)
                    .isThrownBy(() -> of.apply(missing))
                    .withMessageStartingWith("a " + kind.names().get(0) + " is required");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    <T> void a_present_id_of_another_shape_is_held_as_it_is(
            IdPrefix kind, Function<String, T> of, Function<T, String> value, Function<IdGenerator, T> next) {
        // the shape is the edge's check (IdPrefix), not the type's: ids already stored are never refused
        String oldShape = kind.prefix() + "-1";

        assertThat(value.apply(of.apply(oldShape))).isEqualTo(oldShape);
    }
}
