package dev.arbiter.scenarios.spec;

/**
 * The flash-crash detector the runner feeds the L4 rules with: a crash is a low at least {@code drop}
 * (a fraction) below the highest high of the last {@code lookbackBars} bars; the anomaly stays in force
 * for {@code holdBars} bars after the last bar that met the condition. {@code drop} 0 switches it off.
 */
public record DetectorSpec(double drop, int lookbackBars, int holdBars) {

    public static final DetectorSpec DEFAULT = new DetectorSpec(0.08, 4, 12);

    public boolean enabled() {
        return drop > 0;
    }
}
