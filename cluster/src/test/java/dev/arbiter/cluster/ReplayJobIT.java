package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Replays as a bounded Flink job (MiniCluster, parallelism 2): four accounts' recorded scenario runs, interleaved,
 * give exactly the decisions the scenario runner's single-process engine made, each once, in each account's order,
 * chained.
 */
class ReplayJobIT {

    @Test
    void aBoundedJobDecidesRecordedRunsAsTheScenarioRunnerDid() throws Exception {
        List<RecordedRun> tapes = new ArrayList<>();
        for (String account : List.of("desk-a", "desk-b", "desk-c", "desk-d")) {
            tapes.add(ScenarioTape.eth(account, "2023-03-14T02:00:00Z"));
        }
        List<StreamInput> interleaved = RecordedRun.interleave(tapes.stream().map(RecordedRun::inputs).toList());
        JobSettings settings = new JobSettings(ScenarioTape::shippedScenarioPipeline,
                ArbiterJson.mapper().writeValueAsString(tapes.get(0).instruments()), 60, 4096);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(DecisionJob.configuration(2));
        List<AccountRecord> records = new ArrayList<>();
        try (var answers = DecisionJob.replay(env, interleaved, List.of(), settings).executeAndCollect("replay")) {
            answers.forEachRemaining(records::add);
        }

        assertThat(tapes).allSatisfy(t -> assertThat(t.decisions()).hasSize(24));
        Chains.assertEachAccountAsRecorded(records, tapes);
    }
}
