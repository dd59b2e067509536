package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped Prometheus alert rules pass {@code promtool check rules} (Debian's prometheus package has it). */
class AlertRulesTest {

    static final Path ALERTS = Path.of("..", "deploy", "prometheus", "arbiter-alerts.yml");

    @Test
    void promtoolAcceptsTheShippedAlertRules() throws Exception {
        String promtool = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).map(Path::toString).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool is not installed (Debian: apt-get install prometheus;"
                + " .ci/run installs it)");
        Process check = new ProcessBuilder(promtool, "check", "rules", ALERTS.toString()).redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 10 rules found");
    }
}
