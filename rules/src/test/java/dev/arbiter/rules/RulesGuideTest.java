package dev.arbiter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.rules.pack.PackFiles;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every DRL and YAML example in the risk officer's guide is a verbatim piece of a shipped, tested file. */
class RulesGuideTest {

    private static final Pattern DRL_BLOCK = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void guideExamplesComeFromShippedRules() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "rules-guide.md"));
        List<String> examples = new ArrayList<>();
        Matcher m = DRL_BLOCK.matcher(guide);
        while (m.find()) {
            examples.add(m.group(1));
        }
        List<String> shipped = RuleSet.shippedDefault().sources().stream().map(RuleSource::drl).toList();

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        assertThat(examples).allSatisfy(example ->
                assertThat(shipped).as("a shipped rule file containing:%n%s", example).anyMatch(drl -> drl.contains(example)));
    }

    @Test
    void guideTestExamplesComeFromShippedTestFiles() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "rules-guide.md"));
        List<String> examples = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(guide);
        while (m.find()) {
            examples.add(m.group(1));
        }
        List<String> shipped = PackFiles.fromClassPath(RuleSet.DEFAULT_RESOURCE, ".test.yaml").values().stream().toList();

        assertThat(examples).isNotEmpty();
        assertThat(examples).allSatisfy(example ->
                assertThat(shipped).as("a shipped test file containing:%n%s", example).anyMatch(yaml -> yaml.contains(example)));
    }
}
