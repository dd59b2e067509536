package dev.arbiter.rules.pack;

import dev.arbiter.kb.Require;
import dev.arbiter.kb.outcome.Layer;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata every rule declares: {@code @layer("L3")}, {@code @reasonCode("L3-DAILY-LOSS")},
 * where a regulation requires the control {@code @legalSource("RTS 6 Art. 15(1)(b)")}, and optionally
 * {@code @severity("HIGH")} (MEDIUM when absent).
 */
public record RuleMetadata(String rule, Layer layer, String reasonCode, String legalSource, Severity severity) {

    /**
     * @throws dev.arbiter.kb.InvalidFactException when {@code @layer} or {@code @severity} holds an
     *                                             unknown value (the exception's field says which)
     */
    public static RuleMetadata of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        String severity = text(meta.get("severity"));
        return new RuleMetadata(rule.getName(),
                Layer.fromCode(text(meta.get("layer"))),
                text(meta.get("reasonCode")),
                text(meta.get("legalSource")),
                severity.isEmpty() ? Severity.MEDIUM : Require.oneOf("Rule", "severity", Severity.class, severity));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
