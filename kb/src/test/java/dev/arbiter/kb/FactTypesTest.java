package dev.arbiter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.Rejection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of fact types is complete: a new fact or outcome record that is not listed fails here. */
class FactTypesTest {

    @Test
    void listsEveryRecordOfTheFactAndOutcomePackages() throws Exception {
        Set<Class<?>> records = new HashSet<>();
        records.addAll(recordsBeside(Account.class));
        records.addAll(recordsBeside(Rejection.class));
        records.remove(Reason.class); // part of every outcome, never a fact of its own

        Set<Class<?>> listed = new HashSet<>(FactTypes.FACTS.values());
        listed.addAll(FactTypes.OUTCOMES.values());

        assertThat(listed).isEqualTo(records).hasSize(34);
    }

    @Test
    void findsATypeBySimpleNameAndKnowsOnlyTheListedOnes() {
        assertThat(FactTypes.byName("Exposure")).contains(Exposure.class);
        assertThat(FactTypes.byName("Rejection")).contains(Rejection.class);
        assertThat(FactTypes.byName("Reason")).isEmpty();
        assertThat(FactTypes.byName("exposure")).isEmpty();
        assertThat(FactTypes.isKnown(Exposure.class)).isTrue();
        assertThat(FactTypes.isKnown(Reason.class)).isFalse();
        assertThat(FactTypes.isKnown(String.class)).isFalse();
    }

    private static Set<Class<?>> recordsBeside(Class<?> member) throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(member.getResource(member.getSimpleName() + ".class").toURI()).getParent();
        Set<Class<?>> records = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName(member.getPackageName() + "." + name.replace(".class", ""));
                    if (type.isRecord()) {
                        records.add(type);
                    }
                }
            }
        }
        return records;
    }
}
