package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.stream.AccountRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An account's records as a reader of the decisions topic checks them: from the first, each following the last. */
final class Chains {

    private Chains() {
    }

    /**
     * Records read from the decisions topic, as the recorded runs' engine answered them: one chain per run's account,
     * each whole, with every decision once, in order, byte for byte as the runner's engine made it.
     */
    static void assertEachAccountAsRecorded(List<AccountRecord> read, List<RecordedRun> runs) {
        Map<String, List<AccountRecord>> byAccount = new LinkedHashMap<>();
        read.forEach(r -> byAccount.computeIfAbsent(r.accountId(), a -> new ArrayList<>()).add(r));
        assertThat(byAccount.keySet()).containsExactlyInAnyOrderElementsOf(
                runs.stream().map(r -> r.spec().account().accountId()).toList());
        for (RecordedRun run : runs) {
            List<AccountRecord> chain = byAccount.get(run.spec().account().accountId());
            assertVerifies(chain);
            List<AccountRecord> decisions = chain.stream().filter(r -> r.kind().equals("DECISION")).toList();
            assertThat(decisions).extracting(AccountRecord::subject).containsExactlyElementsOf(run.decisions().keySet());
            decisions.forEach(d -> assertThat(d.payload()).as(d.subject()).isEqualTo(run.decisions().get(d.subject())));
        }
    }

    static void assertVerifies(List<AccountRecord> chain) {
        assertThat(chain).isNotEmpty();
        AccountRecord.Head head = AccountRecord.Head.START;
        for (AccountRecord record : chain) {
            assertThat(record.follows(head)).as("%s record %d follows %d", record.accountId(), record.seq(), head.seq())
                    .isTrue();
            head = record.head();
        }
    }
}
