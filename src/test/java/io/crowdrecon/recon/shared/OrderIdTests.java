package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdTests {

    private static final int SAMPLE_SIZE = 200;

    @Test
    void generatesIdsOfThePrefixAnd16DigitsThatAreOneModulo97() {
        RandomGenerator random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            OrderId id = OrderId.generate(random);

            assertThat(id.value()).matches("TRX[0-9]{16}");
            assertThat(new java.math.BigInteger(id.value().substring(3)).mod(java.math.BigInteger.valueOf(97)))
                    .isEqualTo(java.math.BigInteger.ONE);
            assertThat(OrderId.isValid(id.value())).isTrue();
        }
    }

    @Test
    void generatesDifferentIdsFromTheRandomSource() {
        RandomGenerator random = new SplittableRandom(2);

        assertThat(sample(random, 100)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRX1234567890123428", "TRX0000000000000195", "TRX9876543210987606"})
    void acceptsIdsWithCorrectCheckDigits(String value) {
        assertThat(OrderId.isValid(value)).isTrue();
        assertThat(OrderId.of(value).value()).isEqualTo(value);
        assertThat(OrderId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "TRX1234567890123429",
                "trx1234567890123428",
                "Trx1234567890123428",
                "TRX123456789012342",
                "TRX12345678901234280",
                "TRX 1234567890123428",
                "TRX1234567890123428 ",
                "1234567890123428",
                "ABC1234567890123428",
                "TRX12345678901234２8",
                "TRX123456789012342X"
            })
    void rejectsAnythingButTheUpperCasePrefixAnd16DigitsWithValidCheckDigits(String value) {
        assertThat(OrderId.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of(value));
    }

    @Test
    void echoesAtMost40CharactersOfARejectedId() {
        String hostile = "X".repeat(5_000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderId.of(hostile))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789012342", "12345678901234280", "123456789012342a", "١٢٣٤٥٦٧٨٩٠١٢٣٤٢٨"})
    void checksOnlySixteenAsciiDigits(String value) {
        assertThat(OrderId.hasValidCheckDigits(value)).isFalse();
    }

    @Test
    void acceptsSixteenDigitsThatAreOneModulo97() {
        assertThat(OrderId.hasValidCheckDigits("1234567890123428")).isTrue();
        assertThat(OrderId.hasValidCheckDigits("1234567890123427")).isFalse();
    }

    @Test
    void detectsEverySingleDigitSubstitution() {
        int checked = 0;
        for (OrderId id : sample(new SplittableRandom(3), SAMPLE_SIZE)) {
            String digits = id.value().substring(3);
            for (int position = 0; position < digits.length(); position++) {
                for (char other = '0'; other <= '9'; other++) {
                    if (other == digits.charAt(position)) {
                        continue;
                    }
                    String altered = digits.substring(0, position) + other + digits.substring(position + 1);
                    assertThat(OrderId.hasValidCheckDigits(altered))
                            .as("%s with %s at %d", id, other, position)
                            .isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(SAMPLE_SIZE * 16 * 9);
    }

    @Test
    void detectsEveryAdjacentTranspositionOfDifferentDigits() {
        int checked = 0;
        for (OrderId id : sample(new SplittableRandom(4), SAMPLE_SIZE)) {
            char[] digits = id.value().substring(3).toCharArray();
            for (int position = 0; position + 1 < digits.length; position++) {
                if (digits[position] == digits[position + 1]) {
                    continue;
                }
                char[] swapped = digits.clone();
                swapped[position] = digits[position + 1];
                swapped[position + 1] = digits[position];
                assertThat(OrderId.hasValidCheckDigits(new String(swapped)))
                        .as("%s swapped at %d", id, position)
                        .isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(SAMPLE_SIZE * 10);
    }

    @Test
    void wrapsItselfInAnIso11649CreditorReference() {
        OrderId id = OrderId.of("TRX1234567890123428");

        assertThat(id.paymentReference()).isEqualTo("RF11TRX1234567890123428");
        assertThat(CreditorReference.hasValidCheckDigits(id.paymentReference())).isTrue();
    }

    @Test
    void givesEveryGeneratedIdAValidPaymentReference() {
        for (OrderId id : sample(new SplittableRandom(5), SAMPLE_SIZE)) {
            String reference = id.paymentReference();

            assertThat(reference).startsWith("RF").endsWith(id.value()).hasSize(23);
            assertThat(CreditorReference.hasValidCheckDigits(reference)).isTrue();
            assertThat(CreditorReference.payload(reference)).contains(id.value());
        }
    }

    private static List<OrderId> sample(RandomGenerator random, int size) {
        List<OrderId> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(OrderId.generate(random));
        }
        return ids;
    }
}
