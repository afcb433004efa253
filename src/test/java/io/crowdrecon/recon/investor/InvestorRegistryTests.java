package io.crowdrecon.recon.investor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvestorRegistryTests {

    @Test
    void acceptsANaturalPersonWithOnlyANameAndSurname() {
        InvestorProfile profile = InvestorRegistry.validated(details("NATURAL_PERSON", "Mario", "Rossi", null, null));

        assertThat(profile.type()).isEqualTo(InvestorType.NATURAL_PERSON);
        assertThat(profile.name()).isEqualTo("Mario");
        assertThat(profile.surname()).isEqualTo("Rossi");
        assertThat(profile.businessName()).isNull();
        assertThat(profile.email()).isNull();
    }

    @Test
    void acceptsALegalPersonWithOnlyABusinessName() {
        InvestorProfile profile = InvestorRegistry.validated(details("LEGAL_PERSON", null, null, "ACME Srl", null));

        assertThat(profile.type()).isEqualTo(InvestorType.LEGAL_PERSON);
        assertThat(profile.businessName()).isEqualTo("ACME Srl");
    }

    @Test
    void treatsBlankNamesAsMissing() {
        assertThat(errorsOf(details("NATURAL_PERSON", "  ", "", null, null)))
                .containsExactly(new FieldError("name", "is required"), new FieldError("surname", "is required"));
        assertThat(errorsOf(details("LEGAL_PERSON", null, null, " ", null)))
                .containsExactly(new FieldError("businessName", "is required"));
    }

    @Test
    void reportsOnlyTheTypeWhenItIsMissingBecauseTheRequiredNamesDependOnIt() {
        assertThat(errorsOf(details(null, null, null, null, null)))
                .containsExactly(new FieldError("type", "is required"));
        assertThat(errorsOf(details("natural_person", null, null, null, null)))
                .extracting(FieldError::field)
                .containsExactly("type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mario.rossi@example.com",
                "a+tag@sub.example.co.uk",
                "o'brien@example.ie",
                "x@xn--80ak6aa92e.com",
                "ÀNGELA@exämple.es"
            })
    void acceptsEmailAddressesOfASaneShape(String email) {
        assertThat(InvestorRegistry.validated(details("LEGAL_PERSON", null, null, "ACME", email))
                        .email())
                .isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plainaddress",
                "mario@localhost",
                "@example.com",
                "mario@@example.com",
                "mario@exa@mple.com",
                "mario rossi@example.com",
                " mario@example.com",
                "mario@example..com",
                "mario@.example.com",
                "mario@example.c",
                "mario@example.com."
            })
    void refusesEmailsThatAreNotShapedLikeAnAddress(String email) {
        assertThat(errorsOf(details("LEGAL_PERSON", null, null, "ACME", email)))
                .containsExactly(new FieldError("email", "must be an email address such as name@example.com"));
    }

    @Test
    void refusesAnEmailWithALocalPartOver64OrATotalOver255Characters() {
        assertThat(errorsOf(details("LEGAL_PERSON", null, null, "ACME", "a".repeat(65) + "@example.com")))
                .extracting(FieldError::field)
                .containsExactly("email");
        assertThat(errorsOf(details("LEGAL_PERSON", null, null, "ACME", "a@" + "b".repeat(250) + ".com")))
                .containsExactly(new FieldError("email", "must be at most 255 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IT", "DE", "LU"})
    void acceptsAnIso3166Alpha2Country(String country) {
        assertThat(InvestorRegistry.validated(withCountry(country)).country()).isEqualTo(country);
    }

    @Test
    void keepsTheCountryOptional() {
        assertThat(InvestorRegistry.validated(withCountry(null)).country()).isNull();
        assertThat(InvestorRegistry.validated(withCountry(" ")).country()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZ", "ITA", "it", "ZZ", "Italy"})
    void refusesACountryThatIsNotAnUpperCaseIso3166Alpha2Code(String country) {
        assertThat(errorsOf(withCountry(country)))
                .containsExactly(new FieldError(
                        "country", "must be an ISO 3166-1 alpha-2 country code in upper case, such as IT or DE"));
    }

    @ParameterizedTest(name = "classification {0} -> {1}")
    @CsvSource(
            value = {
                "null, NON_SOPHISTICATED",
                "'  ', NON_SOPHISTICATED",
                "NON_SOPHISTICATED, NON_SOPHISTICATED",
                "SOPHISTICATED, SOPHISTICATED"
            },
            nullValues = "null")
    void makesAnInvestorNonSophisticatedUnlessTold(String classification, InvestorClassification expected) {
        assertThat(InvestorRegistry.validated(protection(classification, null)).classification())
                .isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownClassification() {
        assertThat(errorsOf(protection("sophisticated", null)))
                .containsExactly(new FieldError("classification", "must be one of [NON_SOPHISTICATED, SOPHISTICATED]"));
    }

    @ParameterizedTest(name = "net worth {0} -> {1}")
    @CsvSource(
            value = {"null, null", "0, 0.00", "30000, 30000.00", "1234.5, 1234.50", "999999999.99, 999999999.99"},
            nullValues = "null")
    void keepsADeclaredNetWorthInCents(String netWorth, String expected) {
        BigDecimal stored = InvestorRegistry.validated(
                        protection(null, netWorth == null ? null : new BigDecimal(netWorth)))
                .netWorth();
        assertThat(stored).isEqualTo(expected == null ? null : new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "0.001", "1000000000.00"})
    void refusesANegativeNetWorthOrOneWithMoreThanCents(String netWorth) {
        assertThat(errorsOf(protection(null, new BigDecimal(netWorth))))
                .extracting(FieldError::field)
                .containsExactly("netWorth");
    }

    private static InvestorDetails protection(String classification, BigDecimal netWorth) {
        return new InvestorDetails(
                "NATURAL_PERSON",
                "Mario",
                "Rossi",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                classification,
                netWorth);
    }

    private static InvestorDetails withCountry(String country) {
        return new InvestorDetails(
                "NATURAL_PERSON", "Mario", "Rossi", null, null, null, null, null, country, null, null);
    }

    private static InvestorDetails details(
            String type, String name, String surname, String businessName, String email) {
        return new InvestorDetails(type, name, surname, businessName, null, null, null, null, null, email, null);
    }

    private static List<FieldError> errorsOf(InvestorDetails details) {
        Throwable error = catchThrowable(() -> InvestorRegistry.validated(details));
        assertThat(error).isInstanceOf(DomainException.class);
        DomainException refusal = (DomainException) error;
        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return refusal.errors();
    }
}
