package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IdPrefixTests {

    static Stream<Arguments> shapes() {
        return Stream.of(
                // kind, candidate, well-formed
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.PORTAL, "PRTZZZZZZZZZZZZZZZZ", true),
                Arguments.of(IdPrefix.PORTAL, "PRT0000000000000000", false), // 0 is not in the alphabet
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGO", false), // nor O
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFG1", false), // nor 1, I, L
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGI", false),
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGL", false),
                Arguments.of(IdPrefix.PORTAL, "prt23456789abcdefgh", false),
                Arguments.of(IdPrefix.PORTAL, "PRT23456789abcdefgh", false),
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFG", false), // 15 characters
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGHJ", false), // 17
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEFGH ", false),
                Arguments.of(IdPrefix.PORTAL, " PRT23456789ABCDEFGH", false),
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEF\u0000H", false),
                Arguments.of(IdPrefix.PORTAL, "PRT23456789ABCDEF\uD800H", false),
                Arguments.of(IdPrefix.PORTAL, "USR23456789ABCDEFGH", false), // another kind's prefix
                Arguments.of(IdPrefix.PORTAL, "", false),
                Arguments.of(IdPrefix.PORTAL, null, false),
                Arguments.of(IdPrefix.COMPANY, "USR23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.CAMPAIGN, "COL23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.CAMPAIGN, "CO23456789ABCDEFGH", false), // a cashout's
                Arguments.of(IdPrefix.CASHOUT, "CO23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.CASHOUT, "COL23456789ABCDEFGH", false),
                Arguments.of(IdPrefix.INVESTOR, "INV23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.MONEYIN, "MI23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.MONEYOUT, "MO23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.REFUND, "MB23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.UNIDENTIFIED_TRANSFER, "UTR23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.PAYMENT_INSTRUCTION, "PI23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.PAYMENT_INSTRUCTION, "PI-SENTINEL-1", false),
                Arguments.of(IdPrefix.REVIEW_ITEM, "RI23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.HOLD, "HLD23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.HOLD, "HL23456789ABCDEFGH", false),
                Arguments.of(IdPrefix.WEBHOOK_ENDPOINT, "WHE23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.WEBHOOK_DELIVERY, "WHD23456789ABCDEFGH", true),
                Arguments.of(IdPrefix.WEBHOOK_DELIVERY, "WHE23456789ABCDEFGH", false),
                Arguments.of(IdPrefix.ORDER, "TRX1234567890123428", true),
                Arguments.of(IdPrefix.ORDER, "TRX1234567890123429", false), // check digits
                Arguments.of(IdPrefix.ORDER, "TRX23456789ABCDEFGH", false),
                Arguments.of(IdPrefix.ORDER, "trx1234567890123428", false),
                Arguments.of(IdPrefix.ORDER, "TRX123456789012342", false),
                Arguments.of(IdPrefix.ORDER, "TRX1234567890123428\u0000", false));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void tellsAWellFormedIdFromAnyOtherText(IdPrefix kind, String candidate, boolean wellFormed) {
        assertThat(kind.isWellFormed(candidate)).isEqualTo(wellFormed);
        if (candidate != null && !candidate.equals("TRX1234567890123429")) {
            // The published pattern says the same, but for an order id's check digits.
            assertThat(candidate.matches(kind.regex())).isEqualTo(wellFormed);
        }
    }

    @ParameterizedTest
    @EnumSource(IdPrefix.class)
    void everyIdTheGeneratorMakesIsWellFormedAndNew(IdPrefix kind) {
        SplittableRandom random = new SplittableRandom(kind.ordinal());
        IdGenerator ids = new IdGenerator(() -> random);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = ids.next(kind);
            made.add(id);

            assertThat(kind.isWellFormed(id)).as(id).isTrue();
            assertThat(id).matches(kind.regex()).startsWith(kind.prefix());
        }
        assertThat(made).hasSize(1_000);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("portalId", IdPrefix.PORTAL),
                Arguments.of("companyId", IdPrefix.COMPANY),
                Arguments.of("campaignId", IdPrefix.CAMPAIGN),
                Arguments.of("investorId", IdPrefix.INVESTOR),
                Arguments.of("orderId", IdPrefix.ORDER),
                Arguments.of("candidateOrderId", IdPrefix.ORDER),
                Arguments.of("ordersToExecute", IdPrefix.ORDER),
                Arguments.of("ordersToUndo", IdPrefix.ORDER),
                Arguments.of("moneyinId", IdPrefix.MONEYIN),
                Arguments.of("moneyoutId", IdPrefix.MONEYOUT),
                Arguments.of("refundId", IdPrefix.REFUND),
                Arguments.of("unidentifiedTransferId", IdPrefix.UNIDENTIFIED_TRANSFER),
                Arguments.of("cashoutId", IdPrefix.CASHOUT),
                Arguments.of("instructionId", IdPrefix.PAYMENT_INSTRUCTION),
                Arguments.of("returnOfInstructionId", IdPrefix.PAYMENT_INSTRUCTION),
                Arguments.of("reviewItemId", IdPrefix.REVIEW_ITEM),
                Arguments.of("bankFileId", IdPrefix.BANK_FILE),
                Arguments.of("bankStatementId", IdPrefix.BANK_STATEMENT),
                Arguments.of("operatorId", IdPrefix.OPERATOR),
                Arguments.of("paymentFileId", IdPrefix.PAYMENT_FILE),
                Arguments.of("holdId", IdPrefix.HOLD),
                Arguments.of("webhookEndpointId", IdPrefix.WEBHOOK_ENDPOINT),
                Arguments.of("deliveryId", IdPrefix.WEBHOOK_DELIVERY));
    }

    @ParameterizedTest
    @MethodSource("names")
    void knowsWhichKindOfIdAParameterOrFieldHolds(String name, IdPrefix kind) {
        assertThat(IdPrefix.named(name)).contains(kind);
    }

    @Test
    void namesNothingElseAnId() {
        assertThat(IdPrefix.named("notificationId")).isEmpty();
        assertThat(IdPrefix.named("OrderId")).isEmpty();
        assertThat(IdPrefix.named("page")).isEmpty();
        assertThat(IdPrefix.named(null)).isEmpty();
        assertThat(IdPrefix.byName()).hasSize(23);
    }

    @Test
    void everyKindsOwnFieldIsItsFirstName() {
        for (IdPrefix kind : IdPrefix.values()) {
            assertThat(kind.names().get(0)).endsWith("Id");
            assertThat(IdPrefix.named(kind.names().get(0))).contains(kind);
        }
    }
}
