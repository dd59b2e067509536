package dev.arbiter.cluster.core;

import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.cluster.state.SliceJournal;
import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.AccountView;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.state.AccountState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's engine in the job: the service's {@link TradingCore} and {@link EngineDecisions} over the account's
 * {@link SliceJournal}, taking the account's inputs one at a time, each answered by records of the account's chain.
 * It is rebuilt from the account's slice and store whenever the worker has none (after a restart or a failover), and
 * decides exactly as the one it replaces would have: the same state, the same market streams, the same desk.
 */
public final class AccountCore {

    private static final Logger LOG = LoggerFactory.getLogger(AccountCore.class);

    private final String accountId;
    private final CoreSetup setup;
    private final TradingCore core;
    private final EngineDecisions decisions;
    private long deskBroadcasts;
    private long marketBroadcasts;
    private List<MarketEvent> market = List.of();
    private AccountRecord.Head head;

    public AccountCore(AccountSlice slice, AccountStore store, CoreSetup setup) {
        this.accountId = slice.state().accountId();
        this.setup = setup;
        this.core = new TradingCore(new SliceJournal(slice.state(), store), setup.settings(), setup.features());
        this.decisions = new EngineDecisions(core, setup.models());
        this.deskBroadcasts = slice.deskBroadcasts();
        this.marketBroadcasts = slice.marketBroadcasts();
        this.head = slice.head();
    }

    public String accountId() {
        return accountId;
    }

    /** What the job keeps of the account after the inputs taken so far. */
    public AccountSlice slice() {
        return new AccountSlice(core.account(accountId), deskBroadcasts, marketBroadcasts, head);
    }

    /**
     * Applies the desk's broadcast actions this core has not applied yet, in their order, and sets the broadcast
     * market data the next input takes from.
     *
     * @param desk   every desk action broadcast so far, in order
     * @param market every bar and mark broadcast so far, in order
     */
    public void catchUp(List<DeskEvent> desk, List<MarketEvent> market) {
        for (; deskBroadcasts < desk.size(); deskBroadcasts++) {
            core.submit(desk.get((int) deskBroadcasts));
        }
        this.market = market;
    }

    /**
     * Takes the broadcast bars and marks known before an input at {@code time}: a bar is known at its end, a mark at
     * its time. A decision at that instant sees them; an event at that instant happened before them (a fill during
     * the bar that ends then), as the single-process engine fed in time order has it. Broadcast market data stops at
     * the first bar or mark after the input (the market topic is in time order); one the account already has (from
     * its own inputs) or that comes out of order for it is passed over.
     */
    private void takeMarket(Instant time, boolean inclusive) {
        for (; marketBroadcasts < market.size(); marketBroadcasts++) {
            MarketEvent event = market.get((int) marketBroadcasts);
            Instant known = switch (event) {
                case BarEvent b -> b.bar().endTime();
                case MarkPriceEvent m -> m.mark().time();
            };
            if (inclusive ? known.isAfter(time) : !known.isBefore(time)) {
                return;
            }
            try {
                switch (event) {
                    case BarEvent b -> core.bar(b.bar());
                    case MarkPriceEvent m -> core.markPrice(m.mark());
                }
            } catch (InvalidFactException e) {
                LOG.debug("account {} passed over broadcast market data it cannot take: {}", accountId, e.getMessage());
            }
        }
    }

    /** Takes one input of the account; the answer, if it has one, is the chain's next record. */
    public Optional<AccountRecord> take(StreamInput input) {
        if (!input.accountId().equals(accountId)) {
            throw new IllegalStateException("account " + accountId + "'s core was given an input of " + input.accountId());
        }
        try {
            return switch (input) {
                case StreamInput.Decide d -> Optional.of(decide(d));
                case StreamInput.Event e -> Optional.of(event(e));
                case StreamInput.MarketBar b -> {
                    takeMarket(b.bar().endTime(), false);
                    core.bar(b.bar());
                    yield Optional.empty();
                }
                case StreamInput.MarkUpdate m -> {
                    takeMarket(m.mark().time(), false);
                    core.markPrice(m.mark());
                    yield Optional.empty();
                }
            };
        } catch (InvalidRequestException e) {
            return Optional.of(refused(input, e.field(), e.value(), e.accepted()));
        } catch (InvalidEventException e) {
            return Optional.of(refused(input, e.field(), e.value(), e.accepted()));
        } catch (InvalidFactException e) {
            return Optional.of(refused(input, e.fact() + "." + e.field(), e.value(), e.accepted()));
        } catch (RuntimeException e) {
            // A failure inside the engine would fail the job again on every restart from the checkpoint before this
            // input: the input is refused instead (no order, fail closed) and the account goes on.
            LOG.error("account {}: an input ({}) failed inside the engine and is refused", accountId,
                    input.getClass().getSimpleName(), e);
            return Optional.of(refused(input, AccountRecord.FAILED_INSIDE, input.getClass().getSimpleName(),
                    "an input the engine can take; this one failed inside the engine, logged for account " + accountId));
        }
    }

    private AccountRecord decide(StreamInput.Decide d) {
        ClientRequest request = DecisionRequestReader.readClient(d.request().getBytes(StandardCharsets.UTF_8));
        if (!request.accountId().equals(accountId)) {
            throw new InvalidRequestException("account.accountId", "'" + request.accountId() + "'",
                    "the account the input is keyed by, '" + accountId + "'");
        }
        takeMarket(request.asOf(), true);
        DecisionResult result = decisions.decide(d.decisionId(), request, setup.pipeline(), setup.release(accountId),
                setup.listed());
        return record(AccountRecord.Kind.DECISION, d.decisionId(), request.asOf(), AccountRecord.decisionPayload(result));
    }

    private AccountRecord event(StreamInput.Event e) {
        AccountEvent event = e.event();
        if (!event.accountId().equals(accountId)) {
            throw new InvalidEventException("accountId", "'" + event.accountId() + "'",
                    "the account the input is keyed by, '" + accountId + "'");
        }
        takeMarket(event.at(), false);
        event = asTheAccountStands(event);
        TradingCore.Applied applied = core.submit(event, e.key());
        AccountState state = applied.state();
        Map<String, Object> payload = new LinkedHashMap<>();
        // as a tree of the event itself, so that it carries its type id (a value in a map would not)
        payload.put("event", CanonicalJson.mapper().valueToTree(event));
        payload.put("duplicate", applied.duplicate());
        payload.put("journalPosition", state.journalPosition());
        payload.put("stateHash", StateHash.of(state));
        // the account as the service's own answer shows it (with the active release's limits, as the service reads
        // them: a lease changes no figure of the view), so that a gateway answers its clients the same way
        payload.put("account", CanonicalJson.mapper().valueToTree(
                AccountView.of(state, core.desk(), setup.pipeline().active().limits(), core.settings())));
        return record(AccountRecord.Kind.EVENT, e.subject(), event.at(), CanonicalJson.write(payload));
    }

    /**
     * A fill as the account stands, as the service's fill endpoint takes it: refused for an account without an opening
     * balance, and unsolicited unless it fills an order the engine approved that is still working. Whoever published
     * it (the service's gateway) does not keep the account's state and cannot tell.
     */
    private AccountEvent asTheAccountStands(AccountEvent event) {
        if (!(event instanceof AccountEvent.Filled fill)) {
            return event;
        }
        AccountState state = core.account(accountId);
        if (!state.opened()) {
            throw new InvalidEventException("accountId", "'" + accountId + "'",
                    "an account with an opening balance (PUT /v1/accounts/{accountId} first)");
        }
        boolean solicited = fill.orderId() != null && state.workingOrder(fill.orderId()).isPresent();
        return new AccountEvent.Filled(fill.accountId(), fill.at(), fill.fillId(), fill.orderId(), fill.symbol(),
                fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.stopLoss(), !solicited);
    }

    private AccountRecord refused(StreamInput input, String field, String value, String accepted) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("field", field);
        payload.put("value", value);
        payload.put("accepted", accepted);
        String subject = input.subject();
        // a refusal is recorded at the account's own latest time: the input's may be what was wrong with it
        Instant at = core.account(accountId).lastEventAt();
        return record(AccountRecord.Kind.REFUSED, subject, at, CanonicalJson.write(payload));
    }

    private AccountRecord record(AccountRecord.Kind kind, String subject, Instant at, String payload) {
        AccountRecord record = AccountRecord.next(accountId, head, kind, subject, at == null ? "" : at.toString(), payload);
        head = record.head();
        return record;
    }
}
