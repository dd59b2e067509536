package dev.arbiter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every DRL example in the risk officer's guide is a verbatim piece of a shipped, tested rule file. */
class RulesGuideTest {

    private static final Pattern DRL_BLOCK = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL);

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
}
