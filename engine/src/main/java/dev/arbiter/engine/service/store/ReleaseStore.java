package dev.arbiter.engine.service.store;

import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.decision.Versions;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ListedInstrument;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Rule releases kept whole (every DRL file, every limit, parameter and instrument) by their versions, so a replay
 * rebuilds exactly the release a decision used, and their activations as audit records.
 */
public final class ReleaseStore {

    private static final TypeReference<List<RuleSource>> SOURCES = new TypeReference<>() { };
    private static final TypeReference<TreeMap<String, BigDecimal>> NUMBERS = new TypeReference<>() { };
    private static final TypeReference<List<ListedInstrument>> INSTRUMENTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, RuleRelease> compiled = new ConcurrentHashMap<>();

    public ReleaseStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The key a release is stored under: its rule-set, limits, parameters and instruments versions. */
    public static String keyOf(Versions versions) {
        return RuleRelease.key(versions.ruleSet(), versions.limits(), versions.parameters(), versions.instruments());
    }

    public static String keyOf(RuleRelease release) {
        return release.key();
    }

    /**
     * Stores {@code release} (unless stored already) and records its activation for {@code purpose} by
     * {@code actor}, unless it is already the most recently activated one for that purpose. Waits until
     * both are committed.
     */
    public void activated(RuleRelease release, String purpose, String actor) {
        String key = keyOf(release);
        compiled.putIfAbsent(key, release);
        Integer stored = jdbc.queryForObject("select count(*) from rule_release where release_key = ?", Integer.class, key);
        if (stored == null || stored == 0) {
            RuleSet rules = release.rules().ruleSet();
            jdbc.update("insert into rule_release (release_key, rule_set_name, rule_set_version, rule_sources_json,"
                            + " limits_name, limits_version, limits_json, parameters_name, parameters_version, parameters_json,"
                            + " instruments_name, instruments_version, instruments_json)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, rules.name(), rules.version(),
                    CanonicalJson.write(rules.sources()), release.limits().name(), release.limits().version(),
                    CanonicalJson.write(release.limits().values()), release.parameters().name(),
                    release.parameters().version(), CanonicalJson.write(release.parameters().values()),
                    release.instruments().name(), release.instruments().version(),
                    CanonicalJson.write(release.instruments().listed()));
        }
        if (lastActivated(purpose).filter(key::equals).isPresent()) {
            return;
        }
        synchronized (this) {
            Long id = jdbc.queryForObject("select coalesce(max(activation_id), 0) + 1 from release_activation", Long.class);
            audit.append(AuditKind.RELEASE_ACTIVATED, String.valueOf(id), Map.of("activation_id", id, "purpose", purpose,
                    "release_key", key, "actor", actor, "activated_at", clock.instant().toString())).join();
        }
    }

    public Optional<String> lastActivated(String purpose) {
        return jdbc.queryForList("select release_key from release_activation where purpose = ?"
                + " order by activation_id desc limit 1", String.class, purpose).stream().findFirst();
    }

    /** The release stored under {@code key}, compiled (once per process). */
    public Optional<RuleRelease> load(String key) {
        RuleRelease cached = compiled.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.query("select * from rule_release where release_key = ?", (rs, n) -> {
            RuleSet rules = new RuleSet(rs.getString("rule_set_name"), rs.getString("rule_set_version"),
                    CanonicalJson.mapper().readValue(rs.getString("rule_sources_json"), SOURCES));
            LimitSet limits = new LimitSet(rs.getString("limits_name"), rs.getString("limits_version"),
                    CanonicalJson.mapper().readValue(rs.getString("limits_json"), NUMBERS));
            ParameterSet parameters = new ParameterSet(rs.getString("parameters_name"), rs.getString("parameters_version"),
                    CanonicalJson.mapper().readValue(rs.getString("parameters_json"), NUMBERS));
            String instrumentsJson = rs.getString("instruments_json");
            InstrumentSet instruments = instrumentsJson == null ? InstrumentSet.none() // stored before releases had them
                    : new InstrumentSet(rs.getString("instruments_name"), rs.getString("instruments_version"),
                            CanonicalJson.mapper().readValue(instrumentsJson, INSTRUMENTS));
            return new RuleRelease(new RuleSetCompiler().compile(rules), limits, parameters, instruments);
        }, key).stream().findFirst().map(release -> {
            compiled.put(key, release);
            return release;
        });
    }
}
