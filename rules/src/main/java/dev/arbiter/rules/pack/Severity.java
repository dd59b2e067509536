package dev.arbiter.rules.pack;

/**
 * How serious a rule's conclusion is, declared with {@code @severity("HIGH")}; MEDIUM when a rule
 * declares none. Reports sort and colour by it; it does not change what the rule concludes.
 */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
