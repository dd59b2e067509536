package dev.arbiter.engine.service.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.Journal;
import dev.arbiter.engine.state.StateHash;
import dev.arbiter.kb.state.AccountState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal in the database (schema {@code V30__event_journal.sql}; H2 embedded or PostgreSQL): one row per event,
 * written in autocommit, so an append is durable when it returns as far as the database's own commit is (H2 with
 * {@code WRITE_DELAY=0}, PostgreSQL with {@code synchronous_commit} on). Events are stored as the engine's JSON with
 * their type id, numbers in their exact decimal form (scale included) and times as ISO-8601 instants, so they read
 * back equal to what was appended. Every snapshot is kept; {@link #lastSnapshot} returns the newest whose state
 * still hashes to the hash stored beside it.
 *
 * <p>Does not own the data source: {@link #close()} leaves it open for whoever made it.
 */
public final class DatabaseJournal implements Journal {

    /**
     * Arbiter's JSON settings, compact, with decimals written as {@link java.math.BigDecimal#toString()}: plain
     * notation would turn {@code 1E+3} into {@code 1000}, equal in value but not in scale, and a fold over a
     * different scale can hash differently.
     */
    private static final JsonMapper MAPPER = ArbiterJson.configure(JsonMapper.builder())
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final ObjectWriter ACCOUNT_EVENT_WRITER = MAPPER.writerFor(AccountEvent.class);
    private static final ObjectReader ACCOUNT_EVENT_READER = MAPPER.readerFor(AccountEvent.class);
    private static final ObjectWriter MARKET_WRITER = MAPPER.writerFor(MarketEvent.class);
    private static final ObjectReader MARKET_READER = MAPPER.readerFor(MarketEvent.class);
    private static final ObjectWriter DESK_WRITER = MAPPER.writerFor(DeskEvent.class);
    private static final ObjectReader DESK_READER = MAPPER.readerFor(DeskEvent.class);
    private static final ObjectWriter STATE_WRITER = MAPPER.writerFor(AccountState.class);
    private static final ObjectReader STATE_READER = MAPPER.readerFor(AccountState.class);

    /** The type id of each account event, as its JSON carries it: the one definition is on {@link AccountEvent}. */
    private static final Map<Class<?>, String> EVENT_TYPES = eventTypes();

    private final JdbcTemplate jdbc;

    public DatabaseJournal(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public boolean append(String accountId, long position, String key, AccountEvent event) {
        String payload = write(ACCOUNT_EVENT_WRITER, event);
        try {
            jdbc.update("insert into account_event (account_id, journal_position, event_key, event_type, payload)"
                    + " values (?, ?, ?, ?, ?)", accountId, position, key, EVENT_TYPES.get(event.getClass()), payload);
            return true;
        } catch (DuplicateKeyException e) {
            if (key != null && holdsKey(accountId, key)) {
                return false;
            }
            throw taken("account " + accountId, position, e);
        } catch (DataAccessException e) {
            throw unavailable("account " + accountId + "'s event at position " + position, e);
        }
    }

    @Override
    public void append(String symbol, long position, MarketEvent event) {
        String payload = write(MARKET_WRITER, event);
        try {
            jdbc.update("insert into market_event (symbol, journal_position, payload) values (?, ?, ?)", symbol,
                    position, payload);
        } catch (DuplicateKeyException e) {
            throw taken("instrument " + symbol, position, e);
        } catch (DataAccessException e) {
            throw unavailable(symbol + "'s market event at position " + position, e);
        }
    }

    @Override
    public void append(long position, DeskEvent event) {
        String payload = write(DESK_WRITER, event);
        try {
            jdbc.update("insert into desk_event (journal_position, payload) values (?, ?)", position, payload);
        } catch (DuplicateKeyException e) {
            throw taken("the desk", position, e);
        } catch (DataAccessException e) {
            throw unavailable("the desk's event at position " + position, e);
        }
    }

    @Override
    public List<Entry<DeskEvent>> deskEvents() {
        return read("the desk's events", () -> jdbc.query(
                "select journal_position, payload from desk_event order by journal_position",
                (rs, n) -> new Entry<>(rs.getLong(1), this.<DeskEvent>parse(DESK_READER, rs.getString(2), "desk event"))));
    }

    @Override
    public List<Entry<AccountEvent>> accountEvents(String accountId, long afterPosition) {
        return read("account " + accountId + "'s events", () -> jdbc.query(
                "select journal_position, payload from account_event where account_id = ? and journal_position > ?"
                        + " order by journal_position",
                (rs, n) -> new Entry<>(rs.getLong(1),
                        this.<AccountEvent>parse(ACCOUNT_EVENT_READER, rs.getString(2), "account event")),
                accountId, afterPosition));
    }

    @Override
    public List<Entry<MarketEvent>> marketEvents(String symbol) {
        return read(symbol + "'s market events", () -> jdbc.query(
                "select journal_position, payload from market_event where symbol = ? order by journal_position",
                (rs, n) -> new Entry<>(rs.getLong(1), this.<MarketEvent>parse(MARKET_READER, rs.getString(2),
                        "market event")),
                symbol));
    }

    @Override
    public List<String> accounts() {
        return read("the accounts", () -> jdbc.queryForList(
                "select distinct account_id from account_event order by account_id", String.class));
    }

    @Override
    public List<String> symbols() {
        return read("the instruments", () -> jdbc.queryForList(
                "select distinct symbol from market_event order by symbol", String.class));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        AccountState state = snapshot.state();
        String payload = write(STATE_WRITER, state);
        try {
            jdbc.update("insert into account_snapshot (account_id, journal_position, state_hash, payload)"
                    + " values (?, ?, ?, ?)", state.accountId(), state.journalPosition(), snapshot.hash(), payload);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("account " + state.accountId() + " already has a snapshot at position "
                    + state.journalPosition() + ". Maybe another engine is writing to the same database.");
        } catch (DataAccessException e) {
            throw unavailable("account " + state.accountId() + "'s snapshot at position " + state.journalPosition(), e);
        }
    }

    /**
     * The newest snapshot whose state hashes to its stored hash; an older one when the newest does not (it is then
     * no starting point: the events after an older one, or all of them, fold to the state all the same).
     */
    @Override
    public Optional<Snapshot> lastSnapshot(String accountId) {
        ResultSetExtractor<Optional<Snapshot>> newestSound = rs -> {
            while (rs.next()) {
                AccountState state = parse(STATE_READER, rs.getString(2), "account snapshot");
                String hash = rs.getString(1);
                if (state.accountId().equals(accountId) && StateHash.of(state).equals(hash)) {
                    return Optional.of(new Snapshot(state, hash));
                }
            }
            return Optional.empty();
        };
        return read("account " + accountId + "'s snapshot", () -> jdbc.query(
                "select state_hash, payload from account_snapshot where account_id = ? order by journal_position desc",
                newestSound, accountId));
    }

    private boolean holdsKey(String accountId, String key) {
        Integer rows = read("account " + accountId + "'s keys", () -> jdbc.queryForObject(
                "select count(*) from account_event where account_id = ? and event_key = ?", Integer.class,
                accountId, key));
        return rows != null && rows > 0;
    }

    private static IllegalStateException taken(String stream, long position, DuplicateKeyException cause) {
        return new IllegalStateException("the journal of " + stream + " already holds position " + position
                + ": events must be appended at the stream's next position by its one writer."
                + " Maybe another engine is writing to the same database.", cause);
    }

    private static IllegalStateException unavailable(String what, DataAccessException cause) {
        // the cause keeps the database's own message for the log; the message shows no SQL
        return new IllegalStateException("the journal could not store " + what + ": the database refused or did not"
                + " answer (" + cause.getClass().getSimpleName() + ")", cause);
    }

    private static <T> T read(String what, Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            throw new IllegalStateException("the journal could not read " + what + ": the database refused or did"
                    + " not answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("the journal could not write " + value.getClass().getSimpleName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T parse(ObjectReader reader, String json, String what) {
        try {
            return reader.readValue(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("the journal holds a " + what + " that does not read back: "
                    + e.getOriginalMessage() + ". Maybe it was written by a newer version of the engine.", e);
        }
    }

    private static Map<Class<?>, String> eventTypes() {
        Map<Class<?>, String> types = new HashMap<>();
        for (JsonSubTypes.Type type : AccountEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            types.put(type.value(), type.name());
        }
        for (Class<?> permitted : AccountEvent.class.getPermittedSubclasses()) {
            if (!types.containsKey(permitted)) {
                throw new IllegalStateException(permitted.getSimpleName() + " has no JSON type id: add it to"
                        + " AccountEvent's @JsonSubTypes");
            }
        }
        return Map.copyOf(types);
    }
}
