package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditorReferenceTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "539007547034, RF18539007547034",
        "5390 0754 7034, RF18539007547034",
        "TRX1234567890123428, RF11TRX1234567890123428",
        "trx1234567890123428, RF11TRX1234567890123428"
    })
    void computesTheCheckDigitsOfAPayload(String payload, String expected) {
        assertThat(CreditorReference.of(payload)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "TRX-1234", "ABCDEFGHIJKLMNOPQRSTUV", "ÀBC"})
    void refusesAPayloadThatIsEmptyTooLongOrNotAlphanumeric(String payload) {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.of(payload));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RF18539007547034",
                "RF18 5390 0754 7034",
                "rf18539007547034",
                "RF11TRX1234567890123428",
                "rf11 trx1 2345 6789 0123 428",
                "RF18000000000539007547034"
            })
    void acceptsReferencesWithValidCheckDigitsWhateverTheirCaseAndSpacing(String reference) {
        assertThat(CreditorReference.hasValidCheckDigits(reference)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "RF19539007547034",
                "RF18539007547035",
                "RF12TRX1234567890123428",
                "RF18",
                "RF1",
                "XX18539007547034",
                "RFAB539007547034",
                "RF18-5390-0754-7034",
                "RF180000000000005390075470341"
            })
    void rejectsReferencesWithBadCheckDigitsOrShape(String reference) {
        assertThat(CreditorReference.hasValidCheckDigits(reference)).isFalse();
    }

    @Test
    void readsThePayloadAfterTheFirstFourCharactersWhateverTheCheckDigits() {
        assertThat(CreditorReference.payload("rf11 trx1 2345 6789 0123 428")).contains("TRX1234567890123428");
        assertThat(CreditorReference.payload("RF99TRX1234567890123428")).contains("TRX1234567890123428");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"RF18", "RF1 8", "XX18539007547034", "TRX1234567890123428"})
    void hasNoPayloadWhenNotACreditorReference(String reference) {
        assertThat(CreditorReference.payload(reference)).isEmpty();
    }
}
