package dev.arbiter.rules.pack;

import dev.arbiter.kb.outcome.Layer;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata every rule declares: {@code @layer("L3")}, {@code @reasonCode("L3-DAILY-LOSS")} and,
 * where a regulation requires the control, {@code @legalSource("RTS 6 Art. 15(1)(b)")}.
 */
public record RuleMetadata(String rule, Layer layer, String reasonCode, String legalSource) {

    public static RuleMetadata of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        return new RuleMetadata(rule.getName(),
                Layer.fromCode(text(meta.get("layer"))),
                text(meta.get("reasonCode")),
                text(meta.get("legalSource")));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
