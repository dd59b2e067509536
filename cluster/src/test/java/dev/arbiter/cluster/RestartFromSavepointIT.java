package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planned restart, as an upgrade does it: the job is stopped with a savepoint halfway through two accounts' inputs,
 * and a new job (another cluster, the same code) starts from it. The second job goes on where the first stopped:
 * nothing decided twice, nothing skipped, each account's chain continuing from the head the savepoint kept, and every
 * decision as the single-process engine made it.
 */
class RestartFromSavepointIT {

    @Test
    void aJobStartedFromASavepointContinuesEveryAccountsChain(@TempDir Path savepoints) throws Exception {
        List<RecordedRun> tapes = List.of(ScenarioTape.eth("restart-a", "2023-03-14T01:30:00Z"),
                ScenarioTape.eth("restart-b", "2023-03-14T01:30:00Z"));
        List<StreamInput> inputs = RecordedRun.interleave(tapes.stream().map(RecordedRun::inputs).toList());
        int half = inputs.size() / 2;
        long answeredInFirstHalf = answered(inputs.subList(0, half));
        long expected = answered(inputs);
        JobSettings settings = new JobSettings(ScenarioTape::shippedScenarioPipeline,
                ArbiterJson.mapper().writeValueAsString(tapes.get(0).instruments()), 60, 4096);

        try (KafkaBroker broker = new KafkaBroker()) {
            Topics topics = Topics.defaults(broker.bootstrap());
            broker.create(topics, 2);
            broker.publish(topics.inputs(), inputs.subList(0, half));
            JobClient first = start(topics, settings, new Configuration());
            String savepoint;
            try {
                assertThat(broker.readCommitted(topics.decisions(), answeredInFirstHalf, Duration.ofMinutes(3)))
                        .hasSize((int) answeredInFirstHalf);
            } finally {
                savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
            }

            broker.publish(topics.inputs(), inputs.subList(half, inputs.size()));
            Configuration restore = new Configuration();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            JobClient second = start(topics, settings, restore);
            List<AccountRecord> read;
            try {
                read = broker.readCommitted(topics.decisions(), expected, Duration.ofMinutes(3));
            } finally {
                second.cancel().get();
            }

            assertThat(read).hasSize((int) expected);
            Chains.assertEachAccountAsRecorded(read, tapes);
        }
    }

    private static JobClient start(Topics topics, JobSettings settings, Configuration extra) throws Exception {
        Configuration configuration = DecisionJob.configuration(2);
        configuration.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.enableCheckpointing(300);
        DecisionJob.onKafka(env, topics, settings, "decide");
        return env.executeAsync("decisions");
    }

    /** How many answers inputs get: one per request and per account event; bars and marks are answered only if refused. */
    private static long answered(List<StreamInput> inputs) {
        return inputs.stream().filter(i -> i instanceof StreamInput.Decide || i instanceof StreamInput.Event).count();
    }
}
