package dev.arbiter.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The compose file and the Kubernetes manifests agree with the image the build makes and with each other: the
 * image's name, the user it runs as, the port and probe paths (which {@link ImageIT} calls on the running image),
 * the variables the service reads (which ImageIT configures the image with), and a Prometheus configuration that
 * promtool accepts with the shipped alert rules.
 */
class DeploymentFilesTest {

    private static final String IMAGE = System.getProperty("arbiter.image", "arbiter:0.1.0-SNAPSHOT");

    @Test
    void composeRunsTheBuiltImageBesidePostgresAndPrometheus() throws Exception {
        JsonNode services = DeploymentFiles.compose().path("services");
        assertThat(services.properties()).extracting(e -> e.getKey()).contains("arbiter", "postgres", "prometheus");
        JsonNode arbiter = services.path("arbiter");
        assertThat(arbiter.path("image").asString()).isEqualTo(IMAGE);
        assertThat(arbiter.path("ports").get(0).asString()).isEqualTo("8080:8080");
        assertThat(arbiter.path("environment").path("ARBITER_DB_URL").asString()).startsWith("jdbc:postgresql://postgres:5432/");
        List<String> variables = new ArrayList<>();
        arbiter.path("environment").properties().forEach(e -> variables.add(e.getKey()));
        assertThat(variables).as("the service's variables, as the Kubernetes secret sets them")
                .containsExactlyInAnyOrderElementsOf(DeploymentFiles.secretExample().keySet());

        // every ${VARIABLE} the compose file takes from deploy/.env is explained in env.example, and no more
        Matcher taken = Pattern.compile("\\$\\{([A-Z_]+)[:?}]").matcher(Files.readString(DeploymentFiles.DEPLOY.resolve("compose.yaml")));
        List<String> fromEnv = new ArrayList<>();
        while (taken.find()) {
            fromEnv.add(taken.group(1));
        }
        JsonNode secrets = DeploymentFiles.compose().path("secrets");
        secrets.properties().forEach(e -> fromEnv.add(e.getValue().path("environment").asString()));
        assertThat(DeploymentFiles.envExample()).containsExactlyInAnyOrderElementsOf(fromEnv.stream().distinct().toList());

        // Prometheus mounts the shipped files and reads the key where compose puts it
        JsonNode prometheus = services.path("prometheus");
        prometheus.path("volumes").forEach(volume -> assertThat(DeploymentFiles.DEPLOY.resolve(
                volume.asString().split(":")[0])).as(volume.asString()).exists());
        String keyFile = DeploymentFiles.prometheus().path("scrape_configs").get(0).path("authorization")
                .path("credentials_file").asString();
        assertThat(keyFile).isEqualTo("/run/secrets/" + prometheus.path("secrets").get(0).path("target").asString());
    }

    @Test
    void prometheusConfigurationPassesPromtoolWithTheAlertRules(@TempDir Path dir) throws Exception {
        assumeThat(HostTools.find("promtool")).as("promtool (Debian package prometheus)").isPresent();
        // the key file exists only in the container; promtool checks it is there, so point it at a local one
        Path key = Files.writeString(dir.resolve("metrics-key"), "a-key");
        Files.writeString(dir.resolve("prometheus.yml"), Files.readString(DeploymentFiles.DEPLOY.resolve(
                "prometheus/prometheus.yml")).replace("/run/secrets/arbiter-metrics-key", key.toString()));
        Files.copy(DeploymentFiles.DEPLOY.resolve("prometheus/arbiter-alerts.yml"), dir.resolve("arbiter-alerts.yml"));
        Process promtool = new ProcessBuilder("promtool", "check", "config", dir.resolve("prometheus.yml").toString())
                .redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void kubernetesRunsOneUnprivilegedPodOfTheImageWithProbesAndSecrets() {
        JsonNode deployment = DeploymentFiles.kubernetes("arbiter.yaml", "Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).as("one writer per account book").isEqualTo(1);
        assertThat(deployment.path("spec").path("strategy").path("type").asString()).isEqualTo("Recreate");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.path("securityContext").path("runAsGroup").asInt()).isZero();
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asString()).isEqualTo(IMAGE);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.path("resources").path("requests").has("memory")).isTrue();
        assertThat(container.path("resources").path("limits").path("memory").asString())
                .isEqualTo(container.path("resources").path("requests").path("memory").asString());
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("volumeMounts").findValuesAsString("mountPath"))
                .as("a read-only root needs its working directory and /tmp mounted")
                .containsExactlyInAnyOrder("/var/lib/arbiter", "/tmp");
        assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asString())
                .isEqualTo(DeploymentFiles.kubernetes("secret.example.yaml", "Secret").path("metadata").path("name").asString());

        JsonNode service = DeploymentFiles.kubernetes("arbiter.yaml", "Service");
        assertThat(service.path("spec").path("selector")).isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        JsonNode kustomization = DeploymentFiles.kubernetes("kustomization.yaml").get(0);
        assertThat(kustomization.path("resources").get(0).asString()).isEqualTo("arbiter.yaml");
        JsonNode image = kustomization.path("images").get(0);
        assertThat(image.path("newName").asString() + ":" + image.path("newTag").asString()).isEqualTo(IMAGE);
    }
}
