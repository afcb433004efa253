package io.crowdrecon.recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The field rules every inbound notification is held to, the same ones the API applies. */
class JsonFieldsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "takes the currency {0}")
    @ValueSource(strings = {"EUR", "USD", "JPY", "KWD", "CHF"})
    void takesAnUpperCaseIso4217Currency(String code) {
        assertThat(fields("{\"currency\":\"" + code + "\"}").currency("currency"))
                .isEqualTo(code);
    }

    @ParameterizedTest(name = "refuses the currency \"{0}\"")
    @ValueSource(strings = {"eur", "Eur", "eUR", "EURO", "EU", "QQQ", "E1R", " EUR", "EUR "})
    void refusesACurrencyThatIsNotAnUpperCaseIso4217CodeRatherThanCorrectingIt(String code) {
        assertThatThrownBy(() -> fields("{\"currency\":\"" + code + "\"}").currency("currency"))
                .isInstanceOf(JsonFields.Invalid.class)
                .hasMessageStartingWith("currency: ");
    }

    private static JsonFields fields(String json) {
        return new JsonFields(JSON.readTree(json));
    }
}
