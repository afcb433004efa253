package io.crowdrecon.recon.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignTermsTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @ParameterizedTest(name = "closing on {0} (today {1}) is accepted")
    @CsvSource({"2026-11-20, today", "2026-11-21, tomorrow", "2030-12-31, years ahead"})
    void acceptsAnExpectedClosingDateFromTodayOn(String date, String when) {
        assertThat(terms(LocalDate.parse(date)).expectedClosingDate()).isEqualTo(date);
    }

    @ParameterizedTest(name = "closing on {0} ({1}) is refused")
    @CsvSource({"2026-11-19, yesterday", "2025-12-31, last year", "1970-01-01, long ago"})
    void refusesAnExpectedClosingDateInThePast(String date, String when) {
        DomainException refusal = catchThrowableOfType(DomainException.class, () -> terms(LocalDate.parse(date)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal.errors())
                .containsExactly(new FieldError("expectedClosingDate", "must be today (2026-11-20) or later"));
    }

    @ParameterizedTest(name = "min {0}, max {1}, increment {2}, per investor {3}")
    @CsvSource(
            value = {"null, null, null, null", "250, 5000, 50, 10000", "250, 250, null, null", "0.01, null, 0.01, null"
            },
            nullValues = "null")
    void acceptsOptionalTicketRules(String min, String max, String increment, String perInvestor) {
        TicketRules rules = withTickets(min, max, increment, perInvestor).ticketRules();

        assertThat(rules.minTicket()).isEqualTo(min == null ? null : new BigDecimal(min).setScale(2));
        assertThat(rules.maxPerInvestor())
                .isEqualTo(perInvestor == null ? null : new BigDecimal(perInvestor).setScale(2));
    }

    @ParameterizedTest(name = "min {0}, max {1}, increment {2}, per investor {3} -> {4}")
    @CsvSource(
            value = {
                "0, null, null, null, minTicket",
                "null, -5, null, null, maxTicket",
                "null, null, 0, null, ticketIncrement",
                "null, null, null, 10.001, maxPerInvestor",
                "500, 250, null, null, maxTicket"
            },
            nullValues = "null")
    void refusesTicketRulesThatAreNotPositiveAmountsOrAMinimumAboveTheMaximum(
            String min, String max, String increment, String perInvestor, String field) {
        DomainException refusal =
                catchThrowableOfType(DomainException.class, () -> withTickets(min, max, increment, perInvestor));

        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal.errors()).extracting(FieldError::field).containsExactly(field);
    }

    private static CampaignTerms withTickets(String min, String max, String increment, String perInvestor) {
        return CampaignTerms.validate(
                Validation.start(),
                TODAY,
                "Seed round",
                null,
                new BigDecimal("1000"),
                new BigDecimal("100000"),
                "EUR",
                TODAY,
                null,
                null,
                amount(min),
                amount(max),
                amount(increment),
                amount(perInvestor));
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static CampaignTerms terms(LocalDate expectedClosingDate) {
        return CampaignTerms.validate(
                Validation.start(),
                TODAY,
                "Seed round",
                null,
                new BigDecimal("1000"),
                new BigDecimal("100000"),
                "EUR",
                expectedClosingDate,
                null,
                null);
    }
}
