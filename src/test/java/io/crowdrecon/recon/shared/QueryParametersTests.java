package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTests {

    @ParameterizedTest
    @CsvSource({
        "2026-12-06T10:15:30Z, 2026-12-06T10:15:30Z",
        "2026-12-06T11:15:30+01:00, 2026-12-06T10:15:30Z",
        "2026-12-06T10:15:30.123456Z, 2026-12-06T10:15:30.123456Z"
    })
    void readsADateTimeWithItsOffset(String value, String expected) {
        assertThat(QueryParameters.instant("from", value)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void readsAnAbsentOrBlankParameterAsNoFilter(String value) {
        assertThat(QueryParameters.instant("from", value)).isNull();
        assertThat(QueryParameters.date("from", value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2026-12-06T10:15:30", "yesterday", "1733480130"})
    void refusesADateTimeWithoutOffsetAsAnInvalidParameterNamingIt(String value) {
        assertThatThrownBy(() -> QueryParameters.instant("to", value))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("to must be an ISO 8601 date-time with offset");
    }

    @ParameterizedTest
    @CsvSource({"2026-12-06, 2026-12-06", "2024-02-29, 2024-02-29"})
    void readsADate(String value, String expected) {
        assertThat(QueryParameters.date("from", value)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06/12/2026", "2026-02-30", "2026-12-06T10:15:30Z"})
    void refusesWhatIsNoDateAsAnInvalidParameterNamingIt(String value) {
        assertThatThrownBy(() -> QueryParameters.date("from", value))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("from must be a date");
    }
}
