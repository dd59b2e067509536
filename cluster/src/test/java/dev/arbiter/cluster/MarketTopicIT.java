package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Market data sent once for every account: the bars go to the market topic (as the gateway sends what a trading
 * system posts to {@code /v1/market/bars}), every worker keeps them, and each account takes them up to each of its
 * inputs' own time. Two accounts' requests and fills then come without bars of their own, and every decision is byte
 * for byte what the single-process engine made when it was given the bars in time order.
 */
class MarketTopicIT {

    @Test
    void barsSentOnceReachEveryAccountAsOfEachInput() throws Exception {
        List<RecordedRun> tapes = List.of(ScenarioTape.eth("market-a", "2023-03-14T01:30:00Z"),
                ScenarioTape.eth("market-b", "2023-03-14T01:30:00Z"));
        List<MarketEvent> bars = tapes.get(0).inputs().stream().filter(i -> i instanceof StreamInput.MarketBar)
                .map(i -> (MarketEvent) new BarEvent(((StreamInput.MarketBar) i).bar())).toList();
        assertThat(bars).hasSizeGreaterThan(60);
        List<StreamInput> withoutBars = RecordedRun.interleave(tapes.stream().map(t -> t.inputs().stream()
                .filter(i -> !(i instanceof StreamInput.MarketBar)).toList()).toList());
        long expected = withoutBars.stream().filter(i -> i instanceof StreamInput.Decide
                || i instanceof StreamInput.Event).count();
        JobSettings settings = new JobSettings(ScenarioTape::shippedScenarioPipeline,
                ArbiterJson.mapper().writeValueAsString(tapes.get(0).instruments()), 60, 4096);

        try (KafkaBroker broker = new KafkaBroker()) {
            Topics topics = Topics.defaults(broker.bootstrap());
            broker.create(topics, 2);
            broker.publishMarket(topics.market(), bars);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    DecisionJob.configuration(2));
            env.enableCheckpointing(300);
            DecisionJob.onKafka(env, topics, settings, "decide");
            JobClient job = env.executeAsync("decisions with market data for every account");
            List<AccountRecord> read;
            try {
                // every worker holds the bars once a checkpoint has committed the market source's offsets past them
                long waitUntil = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (broker.committed("decide-market", topics.market()) < bars.size()
                        && System.nanoTime() < waitUntil) {
                    Thread.sleep(200);
                }
                assertThat(broker.committed("decide-market", topics.market())).isEqualTo(bars.size());
                broker.publish(topics.inputs(), withoutBars);
                read = broker.readCommitted(topics.decisions(), expected, Duration.ofMinutes(3));
            } finally {
                job.cancel().get();
            }
            assertThat(read).hasSize((int) expected);
            Chains.assertEachAccountAsRecorded(read, tapes);
        }
    }
}
