package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.cli.ClusterCli;
import dev.arbiter.cluster.core.DeskLimits;
import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.engine.stream.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files that deploy the job on a Flink cluster agree with the build: the image is Flink's own of the version the
 * job is built against, the job's jar is the one this module makes, the entry point and its arguments are a command
 * line the job accepts, the desk's limits are mounted where the arguments read them and are valid, and the topics
 * are the ones the job and the gateway use.
 */
class FlinkDeploymentFilesTest {

    private static final Path FLINK = Path.of("..", "deploy", "flink");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theDeploymentRunsThisBuildsJobWithArgumentsItAccepts() throws Exception {
        String flink = EnvironmentInformation.getVersion();
        assertThat(Files.readString(FLINK.resolve("Dockerfile"))).contains("FROM flink:" + flink + "-java21");
        JsonNode deployment = YAML.readTree(FLINK.resolve("flink-deployment.yaml").toFile());
        JsonNode spec = deployment.path("spec");
        String[] minor = flink.split("\\.");
        assertThat(spec.path("flinkVersion").asString()).isEqualTo("v" + minor[0] + "_" + minor[1]);
        assertThat(spec.path("flinkConfiguration").path("pipeline.generic-types").asString()).isEqualTo("false");
        assertThat(spec.toString()).contains("flink-s3-fs-presto-" + flink + ".jar");

        JsonNode job = spec.path("job");
        assertThat(job.path("jarURI").asString()).isEqualTo("local:///opt/flink/usrlib/arbiter-cluster.jar");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>arbiter-cluster</finalName>");
        assertThat(Class.forName(job.path("entryClass").asString())).isEqualTo(ArbiterCli.class);
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asString()));
        CommandLine cli = new CommandLine(new ArbiterCli()).addSubcommand(new ClusterCli().command());
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand().subcommand();
        assertThat(run.commandSpec().name()).isEqualTo("run");
        assertThat(run.matchedOptionValue("--bootstrap", "")).isNotBlank();

        // the desk's limits: mounted from the config map the kustomization makes of the example, and valid
        String limitsPath = run.matchedOptionValue("--desk-limits", Path.of("")).toString();
        JsonNode mount = spec.path("podTemplate").path("spec").path("containers").get(0).path("volumeMounts").get(0);
        JsonNode volume = spec.path("podTemplate").path("spec").path("volumes").get(0);
        assertThat(volume.path("name").asString()).isEqualTo(mount.path("name").asString());
        JsonNode generated = YAML.readTree(FLINK.resolve("kustomization.yaml").toFile()).path("configMapGenerator").get(0);
        assertThat(generated.path("name").asString()).isEqualTo(volume.path("configMap").path("name").asString());
        String[] file = generated.path("files").get(0).asString().split("=");
        assertThat(limitsPath).isEqualTo(mount.path("mountPath").asString() + "/" + file[0]);
        DeskLimits limits = DeskLimits.fromJson(Files.readString(FLINK.resolve(file[1])));
        assertThat(limits.grossExposure().leases()).isNotEmpty();
        assertThat(limits.venueExposure().leases()).isNotEmpty();
    }

    @Test
    void theTopicsAreTheOnesTheJobAndTheGatewayUse() throws Exception {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : YAML.readValues(YAML.createParser(FLINK.resolve("kafka-topics.yaml").toFile()),
                JsonNode.class).readAll()) {
            topics.put(topic.path("metadata").path("name").asString(), topic.path("spec"));
        }
        Topics defaults = Topics.defaults("unused:9092");
        assertThat(topics.keySet()).containsExactlyInAnyOrder(defaults.inputs(), defaults.desk(), defaults.market(),
                defaults.decisions());
        assertThat(topics.get(defaults.desk()).path("partitions").asInt()).isEqualTo(1);
        assertThat(topics.get(defaults.market()).path("partitions").asInt()).isEqualTo(1);
        assertThat(topics.get(defaults.inputs()).path("partitions").asInt())
                .isEqualTo(topics.get(defaults.decisions()).path("partitions").asInt()).isGreaterThan(1);
    }
}
