package dev.arbiter.reasoning.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrologTextTest {

    static Stream<Arguments> atoms() {
        return Stream.of(
                Arguments.of("approved", "approved"),
                Arguments.of("not_allocated", "not_allocated"),
                Arguments.of("P1", "'P1'"),
                Arguments.of("L3-DAILY-LOSS", "'L3-DAILY-LOSS'"),
                Arguments.of("", "''"),
                Arguments.of("it's", "'it\\'s'"),
                Arguments.of("a\\b", "'a\\\\b'"),
                Arguments.of("line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'"),
                Arguments.of("bell\u0007", "'bell\\x7\\'"),
                Arguments.of("\u00e9t\u00e9 \u2713", "'\u00e9t\u00e9 \u2713'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atoms")
    void writesAtomsBareOrQuotedWithEscapes(String name, String text) {
        assertThat(PrologText.atom(name)).isEqualTo(text);
    }
}
