package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SepaTextTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "Müller|Muller",
                "Ørsted|Orsted",
                "Straße|Strasse",
                "Æbeltoft|AEbeltoft",
                "Œuvre Cœur|OEuvre Coeur",
                "José Núñez|Jose Nunez",
                "François Lefèvre|Francois Lefevre",
                "Łódź|Lodz",
                "Þórður Sigurðsson|THordur Sigurdsson",
                "Dvořák Černý|Dvorak Cerny",
                "Zoë O’Connor|Zoe O'Connor",
                "Smith & Sons|Smith + Sons",
                "“quoted” «text»|'quoted' 'text'",
                "A–B—C_D|A-B-C-D",
                "Ελληνικά|........",
                "Иван|....",
                "東京|..",
                "pay 😀 now|pay . now",
                "50% off; #1 @home|50. off. .1 .home",
                "RF18 5390 0754 7034|RF18 5390 0754 7034",
                "a-z A-Z 0-9 /-?:().,'+|a-z A-Z 0-9 /-?:().,'+"
            })
    void bringsTextIntoTheSepaCharacterSet(String text, String sepa) {
        String result = SepaText.toSepa(text, 140);

        assertThat(result).isEqualTo(sepa);
        assertThat(SepaText.isSepaText(result)).isTrue();
    }

    @ParameterizedTest(name = "{0} cut to {1} → {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "abcdef|3|abc",
                "abc def|4|abc",
                "Straße|5|Stras",
                "short|70|short",
            })
    void cutsToTheFieldLengthAfterTransliterating(String text, int max, String cut) {
        assertThat(SepaText.toSepa(text, max)).isEqualTo(cut);
    }

    @Test
    void cutsAnUnstructuredRemittanceTo140AndANameTo70Characters() {
        String long200 = "x".repeat(200);

        assertThat(SepaText.toSepa(long200, SepaText.REMITTANCE_MAX)).hasSize(140);
        assertThat(SepaText.toSepa(long200, SepaText.NAME_MAX)).hasSize(70);
        // ß becomes two letters: the cut counts the result, not the input.
        assertThat(SepaText.toSepa("ß".repeat(100), SepaText.REMITTANCE_MAX)).isEqualTo("ss".repeat(70));
    }

    @Test
    void makesEveryRunOfWhiteSpaceOrControlCharactersOneSpace() {
        assertThat(SepaText.toSepa("  many \u00a0 spaces\tand\r\nnew\u0000lines  ", 140))
                .isEqualTo("many spaces and new lines");
    }

    @Test
    void blankOrNullTextIsEmpty() {
        assertThat(SepaText.toSepa(null, 70)).isEmpty();
        assertThat(SepaText.toSepa(" \t\n", 70)).isEmpty();
    }

    @Test
    void refusesAFieldLengthBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> SepaText.toSepa("a", 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "a|true",
                "Z|true",
                "7|true",
                "~ ~|true",
                "/|true",
                "+|true",
                "'|true",
                "&|false",
                "_|false",
                "é|false",
                "*|false",
                "\"|false",
                ";|false",
                "@|false",
                "#|false",
                "%|false",
                "!|false",
                "=|false"
            })
    void knowsTheSepaCharacters(String character, boolean sepa) {
        assertThat(SepaText.isSepaCharacter(character.codePointAt(0))).isEqualTo(sepa);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PI-0001", "a", "RET/2026/12/06-17", "12345678901234567890123456789012345"})
    void acceptsSepaIdentifiers(String id) {
        assertThat(SepaText.isIdentifier(id)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "/leading",
                "trailing/",
                "double//slash",
                "with space",
                "ümlaut",
                "under_score",
                "123456789012345678901234567890123456"
            })
    void refusesWhatIsNoSepaIdentifier(String id) {
        assertThat(SepaText.isIdentifier(id)).isFalse();
    }
}
