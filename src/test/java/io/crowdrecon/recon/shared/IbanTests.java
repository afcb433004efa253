package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTests {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "IT60X0542811101000000123456, IT60X0542811101000000123456",
        "IT60 X054 2811 1010 0000 0123 456, IT60X0542811101000000123456",
        "it60x0542811101000000123456, IT60X0542811101000000123456",
        "' DE89 3704 0044 0532 0130 00 ', DE89370400440532013000",
        "GB82WEST12345698765432, GB82WEST12345698765432"
    })
    void parsesIbansIntoElectronicFormat(String raw, String expected) {
        Iban iban = Iban.parse(raw);

        assertThat(iban.value()).isEqualTo(expected);
        assertThat(iban).hasToString(expected);
        assertThat(Iban.tryParse(raw)).contains(iban);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "IT61X0542811101000000123456",
                "IT60X054281110100000012345",
                "XX60X0542811101000000123456",
                "IT60-X054-2811-1010-0000-0123-456",
                "not an iban",
                "   "
            })
    void rejectsInvalidIbans(String raw) {
        assertThatThrownBy(() -> Iban.parse(raw))
                .isInstanceOf(InvalidIbanException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid IBAN");
        assertThat(Iban.tryParse(raw)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void triesNothingOnNullOrBlankText(String raw) {
        assertThat(Iban.tryParse(raw)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Iban.parse(null)).isInstanceOf(InvalidIbanException.class);
    }

    @Test
    void constructsOnlyFromTheElectronicFormat() {
        assertThatThrownBy(() -> new Iban("IT60 X054 2811 1010 0000 0123 456"))
                .isInstanceOf(InvalidIbanException.class)
                .hasMessageContaining("electronic format");
    }

    @Test
    void namesTheInputAndTheProblemButNothingElse() {
        assertThatThrownBy(() -> Iban.parse("IT61X0542811101000000123456"))
                .hasMessage("not a valid IBAN: 'IT61X0542811101000000123456' (wrong check digits)");
    }

    @Test
    void echoesAtMost64CharactersOfAHugeInput() {
        String huge = "A".repeat(10_000);

        assertThatThrownBy(() -> Iban.parse(huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }

    @Test
    void comparesIbansByTheirElectronicFormat() {
        assertThat(Iban.parse("it60 x054 2811 1010 0000 0123 456"))
                .isEqualTo(Iban.parse("IT60X0542811101000000123456"));
        assertThat(Iban.normalise(" it60 x054 ")).isEqualTo("IT60X054");
        assertThat(Iban.normalise(null)).isNull();
    }
}
