package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.stream.AccountRecord;
import java.util.List;

/** An account's records as a reader of the decisions topic checks them: from the first, each following the last. */
final class Chains {

    private Chains() {
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
