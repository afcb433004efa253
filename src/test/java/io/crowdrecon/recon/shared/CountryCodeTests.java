package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTests {

    @ParameterizedTest(name = "{0} is a country")
    @ValueSource(strings = {"IT", "DE", "FR", "ES", "GB", "US", "CH", "LU", "JP"})
    void knowsAssignedIso3166Alpha2Codes(String code) {
        assertThat(CountryCode.isIsoAlpha2(code)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is no country")
    @NullAndEmptySource
    @ValueSource(strings = {"ZZZ", "ITA", "DEU", "it", "It", "ZZ", "XX", "EU", "UK", "I", " IT", "IT ", "1T", "Italy"})
    void refusesAnythingElseIncludingLowerCaseAlpha3AndUnassignedCodes(String code) {
        assertThat(CountryCode.isIsoAlpha2(code)).isFalse();
    }
}
