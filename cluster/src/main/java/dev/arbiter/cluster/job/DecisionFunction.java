package dev.arbiter.cluster.job;

import dev.arbiter.cluster.core.AccountCore;
import dev.arbiter.cluster.core.CoreSetup;
import dev.arbiter.cluster.core.DeskLimits;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.AccountStore;
import dev.arbiter.cluster.state.JsonSerializer;
import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.DeskState;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.BooleanSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * The job's decision stage: keyed by account, it hands each input to the account's {@link AccountCore} (built from
 * the account's keyed state when the worker has none) and writes the account's state back after it. The desk's
 * actions (halts, the desk's kill switch) and the market data for every account arrive broadcast to every worker: the
 * desk's reach each account before its next input, bars and marks as far as that input's time. One worker thread per
 * key group: each account's inputs are decided one at a time, in order.
 */
public final class DecisionFunction extends KeyedBroadcastProcessFunction<String, StreamInput, Broadcast, AccountRecord> {

    /** The desk's actions by their broadcast order, the same on every worker. */
    public static final MapStateDescriptor<Long, DeskEvent> DESK = new MapStateDescriptor<>("desk",
            LongSerializer.INSTANCE, new JsonSerializer<>(DeskEvent.class));
    /** The bars and marks for every account by their broadcast order, the same on every worker. */
    public static final MapStateDescriptor<Long, MarketEvent> MARKET = new MapStateDescriptor<>("market",
            LongSerializer.INSTANCE, new JsonSerializer<>(MarketEvent.class));

    private static final Logger LOG = LoggerFactory.getLogger(DecisionFunction.class);

    private final JobSettings settings;

    private transient ValueState<AccountSlice> slices;
    private transient MapState<String, Boolean> keys;
    private transient ListState<MarketEvent> market;
    private transient ListState<DeskEvent> desk;
    private transient CoreSetup setup;
    private transient Map<String, AccountCore> cores;
    private transient AccountStore store;
    private transient BroadcastLog<DeskEvent> deskLog;
    private transient BroadcastLog<MarketEvent> marketLog;

    public DecisionFunction(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        slices = getRuntimeContext().getState(new ValueStateDescriptor<>("account", new JsonSerializer<>(AccountSlice.class)));
        keys = getRuntimeContext().getMapState(new MapStateDescriptor<>("keys", StringSerializer.INSTANCE,
                BooleanSerializer.INSTANCE));
        market = getRuntimeContext().getListState(new ListStateDescriptor<>("market", new JsonSerializer<>(MarketEvent.class)));
        desk = getRuntimeContext().getListState(new ListStateDescriptor<>("desk", new JsonSerializer<>(DeskEvent.class)));
        store = new KeyedStore();
        deskLog = new BroadcastLog<>(DESK);
        marketLog = new BroadcastLog<>(MARKET);
        DecisionPipeline pipeline = settings.pipeline().open();
        setup = new CoreSetup(pipeline, instruments(settings.instrumentsJson()),
                StateSettings.DEFAULTS.withBarsKept(settings.barsKept()), IndicatorFacts.DEFAULT_SET,
                ActiveModels.namedVersions(),
                settings.deskLimitsJson() == null ? null : DeskLimits.fromJson(settings.deskLimitsJson()));
        int capacity = settings.cachedAccounts();
        cores = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountCore> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public void close() {
        if (setup != null) {
            setup.pipeline().close();
        }
    }

    @Override
    public void processElement(StreamInput input, ReadOnlyContext context, Collector<AccountRecord> out) throws Exception {
        String accountId = context.getCurrentKey();
        AccountCore core = cores.get(accountId);
        if (core == null) {
            AccountSlice slice = slices.value();
            core = new AccountCore(slice == null ? AccountSlice.empty(accountId) : slice, store, setup);
            cores.put(accountId, core);
        }
        core.catchUp(deskLog.all(context.getBroadcastState(DESK)), marketLog.all(context.getBroadcastState(MARKET)));
        core.take(input).ifPresent(out::collect);
        slices.update(core.slice());
    }

    @Override
    public void processBroadcastElement(Broadcast broadcast, Context context, Collector<AccountRecord> out)
            throws Exception {
        switch (broadcast) {
            case Broadcast.Desk d -> {
                try {
                    DeskState.check(d.action());
                } catch (InvalidEventException e) {
                    LOG.warn("desk action refused, not applied to any account: {} {} was '{}', accepted {}",
                            d.action().action(), e.field(), e.value(), e.accepted());
                    return;
                }
                deskLog.append(context.getBroadcastState(DESK), d.action());
            }
            case Broadcast.Market m -> marketLog.append(context.getBroadcastState(MARKET), m.event());
        }
    }

    /**
     * A broadcast state kept as a log, numbered in arrival order, with the worker's own list of it: read from the
     * state once per worker (after a restore), then kept up to date as entries arrive.
     */
    private static final class BroadcastLog<T> {

        private final MapStateDescriptor<Long, T> descriptor;
        private List<T> entries;

        BroadcastLog(MapStateDescriptor<Long, T> descriptor) {
            this.descriptor = descriptor;
        }

        List<T> all(ReadOnlyBroadcastState<Long, T> state) throws Exception {
            if (entries == null) {
                TreeMap<Long, T> ordered = new TreeMap<>();
                for (var entry : state.immutableEntries()) {
                    ordered.put(entry.getKey(), entry.getValue());
                }
                entries = new ArrayList<>(ordered.values());
            }
            return entries;
        }

        void append(BroadcastState<Long, T> state, T entry) throws Exception {
            List<T> known = all(state);
            state.put((long) known.size() + 1, entry);
            known.add(entry);
        }
    }

    private static Function<String, Optional<Instrument>> instruments(String json) {
        if (json == null) {
            return null;
        }
        List<Instrument> listed = ArbiterJson.mapper().readValue(json, new TypeReference<List<Instrument>>() { });
        Map<String, Instrument> bySymbol = new TreeMap<>();
        listed.forEach(i -> bySymbol.put(i.symbol(), i));
        return symbol -> Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The growing parts of the current account's journal, in its keyed state. */
    private final class KeyedStore implements AccountStore {

        @Override
        public boolean addKey(String key) {
            try {
                if (keys.contains(key)) {
                    return false;
                }
                keys.put(key, Boolean.TRUE);
                return true;
            } catch (Exception e) {
                throw new IllegalStateException("the account's keys could not be read from the job's state", e);
            }
        }

        @Override
        public void appendMarket(MarketEvent event) {
            add(market, event);
        }

        @Override
        public List<MarketEvent> market() {
            return all(market);
        }

        @Override
        public void appendDesk(DeskEvent event) {
            add(desk, event);
        }

        @Override
        public List<DeskEvent> desk() {
            return all(desk);
        }

        private static <T> void add(ListState<T> list, T value) {
            try {
                list.add(value);
            } catch (Exception e) {
                throw new IllegalStateException("the account's journal could not be written to the job's state", e);
            }
        }

        private static <T> List<T> all(ListState<T> list) {
            try {
                List<T> values = new ArrayList<>();
                Iterable<T> stored = list.get();
                if (stored != null) {
                    stored.forEach(values::add);
                }
                return values;
            } catch (Exception e) {
                throw new IllegalStateException("the account's journal could not be read from the job's state", e);
            }
        }
    }
}
