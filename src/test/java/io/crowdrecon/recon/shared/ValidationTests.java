package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValidationTests {

    @Test
    void aRequiredCheckThatPassedIsReadAsItsValueAfterThrowIfInvalid() {
        Validation v = Validation.start();
        String name = v.text("name", "Acme", true);
        BigDecimal amount = v.positiveAmount("amount", new BigDecimal("10.00"), true);
        v.throwIfInvalid();

        assertThat(v.checked(name)).isEqualTo("Acme");
        assertThat(v.checked(amount)).isEqualByComparingTo("10.00");
    }

    @Test
    void aMissingRequiredValueFailsAtThrowIfInvalidNotAtChecked() {
        Validation v = Validation.start();
        String name = v.text("name", " ", true);

        assertThat(name).isNull();
        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void readingACheckBeforeThrowIfInvalidIsABug() {
        Validation v = Validation.start();
        String name = v.text("name", null, true);

        assertThatThrownBy(() -> v.checked(name)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readingAnOptionalCheckThatGaveNothingIsABug() {
        Validation v = Validation.start();
        String note = v.text("note", null, false);
        v.throwIfInvalid();

        assertThatThrownBy(() -> v.checked(note)).isInstanceOf(NullPointerException.class);
    }
}
