package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextsTests {

    static Stream<Arguments> texts() {
        return Stream.of(
                // text, flaw (null: none), has control characters
                Arguments.of("Mario Rossi", null, false),
                Arguments.of("", null, false),
                Arguments.of("Zoë \u202Eright-to-left", null, false),
                Arguments.of("paid \uD83D\uDCB8", null, false), // a surrogate pair is one character
                Arguments.of("line\nbreak\ttab", null, true),
                Arguments.of("a\u007Fb", null, true),
                Arguments.of("a\u0000b", "must not contain a NUL character", true),
                Arguments.of("\u0000", "must not contain a NUL character", true),
                Arguments.of("a\uD800b", "must not contain an unpaired surrogate", false),
                Arguments.of("a\uD800", "must not contain an unpaired surrogate", false),
                Arguments.of("\uDC00a", "must not contain an unpaired surrogate", false),
                Arguments.of("\uDE00\uD83D", "must not contain an unpaired surrogate", false));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void findsWhatNoTextMayHold(String text, String flaw, boolean controls) {
        assertThat(Texts.flaw(text).orElse(null)).isEqualTo(flaw);
        assertThat(Texts.hasControlCharacters(text)).isEqualTo(controls);
    }
}
