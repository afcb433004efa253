package io.crowdrecon.recon.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderChannelTests {

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("MONEY_TRANSFER", "MONEY_TRANSFER"),
                Arguments.of("MONEYTRANSFER", "MONEY_TRANSFER"),
                Arguments.of("CREDIT_CARD", "CREDIT_CARD"),
                // not aliases: left for the validation to refuse by the names
                Arguments.of("moneytransfer", "moneytransfer"),
                Arguments.of("MONEY TRANSFER", "MONEY TRANSFER"),
                Arguments.of("CREDITCARD", "CREDITCARD"),
                Arguments.of("BANK_TRANSFER", "BANK_TRANSFER"),
                Arguments.of("", ""),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("spellings")
    void readsFabricksMoneytransferAsMoneyTransferAndLeavesEverythingElseToTheValidation(
            @Nullable String wire, @Nullable String canonical) {
        assertThat(OrderChannel.canonicalName(wire)).isEqualTo(canonical);
    }
}
