package dev.arbiter.cluster.replay;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.AccountBook;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.ForwardingJournal;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.run.ScenarioRunner;
import dev.arbiter.scenarios.run.StepListener;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario run by the single-process engine (the scenario runner: one {@link dev.arbiter.engine.state.TradingCore},
 * its simulated venue in the loop), recorded as the inputs the engine was given, in order: the bars, the venue's
 * account events, the clients' requests. Fed to the job, the same inputs must give the same decisions.
 *
 * @param decisions each decision's payload as the runner's engine made it, by decision id, in order
 * @param finalState the account's state at the end of the run, as the runner's engine left it
 */
public record RecordedRun(ScenarioSpec spec, List<StreamInput> inputs, Map<String, String> decisions,
                          List<Instrument> instruments, AccountState finalState) {

    /** Runs the scenario on the scenario runner, recording its inputs and decisions. */
    public static RecordedRun of(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        String account = spec.account().accountId();
        List<StreamInput> inputs = new ArrayList<>();
        Map<String, String> decisions = new LinkedHashMap<>();
        ForwardingJournal journal = new ForwardingJournal(new InMemoryJournal()) {
            @Override
            public boolean append(String accountId, long position, String key, AccountEvent event) {
                boolean fresh = super.append(accountId, position, key, event);
                if (fresh && given(event)) {
                    inputs.add(new StreamInput.Event(accountId, key, event));
                }
                return fresh;
            }

            @Override
            public void append(String symbol, long position, MarketEvent event) {
                super.append(symbol, position, event);
                inputs.add(switch (event) {
                    case BarEvent b -> new StreamInput.MarketBar(account, b.bar());
                    case MarkPriceEvent m -> new StreamInput.MarkUpdate(account, m.mark());
                });
            }
        };
        StepListener listener = new StepListener() {
            @Override
            public void requested(int step, String decisionId, ClientRequest request) {
                inputs.add(new StreamInput.Decide(account, decisionId, ArbiterJson.mapper().writeValueAsString(request)));
            }

            @Override
            public void decided(int step, DecisionRequest request, DecisionResult result) {
                decisions.put(result.decision().decisionId(), AccountRecord.decisionPayload(result));
            }
        };
        Map<String, Instrument> listed = ScenarioRunner.instruments(spec);
        try (DecisionPipeline pipeline = PipelineFactory.create(spec.rules(), spec.strategies())) {
            new ScenarioRunner(pipeline).run(spec, bars, listener, journal, listed);
        }
        AccountBook book = new AccountBook(StateSettings.DEFAULTS.withBarsKept(spec.windowBars()));
        AccountState state = AccountState.empty(account);
        for (Journal.Entry<AccountEvent> entry : journal.accountEvents(account, 0)) {
            state = book.apply(state, entry.position(), entry.event());
        }
        return new RecordedRun(spec, List.copyOf(inputs), decisions, List.copyOf(listed.values()), state);
    }

    /**
     * Several accounts' inputs as one stream would carry them: one of each account's in turn, each account's order
     * kept (the order of accounts relative to each other does not change any decision).
     */
    public static List<StreamInput> interleave(List<List<StreamInput>> accounts) {
        List<StreamInput> merged = new ArrayList<>();
        int longest = accounts.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<StreamInput> inputs : accounts) {
                if (i < inputs.size()) {
                    merged.add(inputs.get(i));
                }
            }
        }
        return merged;
    }

    /** Events the engine was given; the others it worked out itself (marks, day rolls, expiries, its decisions). */
    private static boolean given(AccountEvent event) {
        return switch (event) {
            case AccountEvent.Marked m -> false;
            case AccountEvent.DayRolled d -> false;
            case AccountEvent.OrderExpired o -> false;
            case AccountEvent.Decided d -> false;
            case AccountEvent.Reconciled r -> false;
            default -> true;
        };
    }
}
