package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The job on Kafka, exactly once, through a failover: a real KRaft broker in this JVM, a Flink MiniCluster at
 * parallelism 2 checkpointing every half second, four accounts' recorded ETH-USD scenario runs on a four-partition
 * inputs topic. A task fails once, mid-stream, after a checkpoint; the job restarts from it. A reader of the
 * decisions topic with {@code read_committed} then sees every answer exactly once, each account's chain whole, and
 * every decision byte for byte as the single-process engine made it.
 */
class ExactlyOnceFailoverIT {

    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();

    @Test
    void everyInputIsAnsweredOnceAcrossAFailoverAndTheChainsHold() throws Exception {
        List<RecordedRun> tapes = new ArrayList<>();
        for (String account : List.of("desk-a", "desk-b", "desk-c", "desk-d")) {
            tapes.add(ScenarioTape.eth(account, "2023-03-14T02:00:00Z"));
        }
        List<StreamInput> inputs = RecordedRun.interleave(tapes.stream().map(RecordedRun::inputs).toList());
        long expected = inputs.stream().filter(i -> !(i instanceof StreamInput.MarketBar)
                && !(i instanceof StreamInput.MarkUpdate)).count();

        try (KafkaBroker broker = new KafkaBroker()) {
            Topics topics = Topics.defaults(broker.bootstrap());
            broker.create(topics, 4);

            Configuration configuration = DecisionJob.configuration(2);
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
            env.enableCheckpointing(500);
            JobSettings settings = new JobSettings(ScenarioTape::shippedScenarioPipeline,
                    ArbiterJson.mapper().writeValueAsString(tapes.get(0).instruments()), 60, 4096);
            DataStream<AccountRecord> answers = DecisionJob.decisions(DecisionJob.inputs(env, topics, "decide"),
                    DecisionJob.desk(env, topics, "decide"), settings);
            DecisionJob.answersTo(topics, answers.map(new FailOnceAfterACheckpoint(10), DecisionJob.RECORD)
                    .name("fails once"));
            JobClient job = env.executeAsync("decisions with a failover");
            List<AccountRecord> read;
            try {
                // a first part, then the rest once a checkpoint holds the first: the failure comes in the middle
                int part = inputs.size() / 4;
                broker.publish(topics.inputs(), inputs.subList(0, part));
                long waitUntil = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (CHECKPOINTS.get() == 0 && System.nanoTime() < waitUntil) {
                    Thread.sleep(100);
                }
                broker.publish(topics.inputs(), inputs.subList(part, inputs.size()));
                read = broker.readCommitted(topics.decisions(), expected, Duration.ofMinutes(4));
            } finally {
                job.cancel().get();
            }

            assertThat(FAILED).as("a task failed mid-stream and the job went on from a checkpoint").isTrue();
            assertThat(read).hasSize((int) expected);
            Chains.assertEachAccountAsRecorded(read, tapes);
        }
    }

    /**
     * Passes answers through, and fails its task once, after a checkpoint completed and more answers than
     * {@code after} went by this instance.
     */
    static final class FailOnceAfterACheckpoint implements MapFunction<AccountRecord, AccountRecord>, CheckpointListener {

        private final int after;
        private transient int seen;

        FailOnceAfterACheckpoint(int after) {
            this.after = after;
        }

        @Override
        public AccountRecord map(AccountRecord record) {
            if (++seen > after && CHECKPOINTS.get() > 0 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("a task failure injected by the test, mid-stream");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }
}
