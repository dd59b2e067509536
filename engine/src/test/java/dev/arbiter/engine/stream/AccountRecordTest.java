package dev.arbiter.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An account's answers as a chain: each record follows the one before it by number and hash, and a reader of the
 * decisions topic notices a record edited, dropped, repeated or reordered, and a chain started again from the genesis
 * hash (a job started without its state).
 */
class AccountRecordTest {

    private static List<AccountRecord> chain(String accountId, int length) {
        List<AccountRecord> records = new ArrayList<>();
        AccountRecord.Head head = AccountRecord.Head.START;
        for (int i = 1; i <= length; i++) {
            AccountRecord record = AccountRecord.next(accountId, head, AccountRecord.Kind.EVENT, "transfer:t-" + i,
                    "2023-03-14T00:0" + i + ":00Z", "{\"n\":" + i + "}");
            records.add(record);
            head = record.head();
        }
        return records;
    }

    @Test
    void aChainReadInOrderFollowsAndEveryBreakIsNoticed() {
        List<AccountRecord> a = chain("desk-a", 4);
        List<AccountRecord> b = chain("desk-b", 2);

        AccountRecord.Follower reader = new AccountRecord.Follower();
        assertThat(List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2), a.get(3))).allMatch(reader::follows)
                .hasSize(6);
        assertThat(reader.head("desk-a")).hasValue(a.get(3).head());

        AccountRecord.Follower dropped = new AccountRecord.Follower();
        assertThat(dropped.follows(a.get(0))).isTrue();
        assertThat(dropped.follows(a.get(2))).as("record 2 dropped").isFalse();
        assertThat(dropped.follows(a.get(3))).as("one break is reported once").isTrue();

        AccountRecord.Follower repeated = new AccountRecord.Follower();
        assertThat(repeated.follows(a.get(1))).as("the first read is taken as it is").isTrue();
        assertThat(repeated.follows(a.get(1))).as("a repeat").isFalse();

        AccountRecord.Follower restarted = new AccountRecord.Follower();
        assertThat(restarted.follows(a.get(2))).isTrue();
        assertThat(restarted.follows(chain("desk-a", 1).get(0))).as("a chain started again from the genesis hash")
                .isFalse();

        AccountRecord edited = new AccountRecord(a.get(1).accountId(), a.get(1).seq(), a.get(1).kind(),
                a.get(1).subject(), a.get(1).recordedAt(), "{\"n\":99}", a.get(1).payloadHash(), a.get(1).prevHash(),
                a.get(1).recordHash());
        assertThat(edited.follows(a.get(0).head())).as("a payload edited behind its hash").isFalse();
    }
}
