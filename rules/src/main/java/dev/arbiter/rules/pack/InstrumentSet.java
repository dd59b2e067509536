package dev.arbiter.rules.pack;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.margin.ContractTerms;
import dev.arbiter.kb.margin.Listing;
import dev.arbiter.kb.margin.MarginTier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instruments the engine knows, from a rule pack's {@code instruments.json}: reference data (venue, cluster,
 * sector, tick and lot sizes, minimum and maximum notional) that changes only through the rule-set lifecycle,
 * like limits. Versioned by content, so a decision names the reference data it was made with.
 *
 * <p>The file is a JSON array of objects, one per symbol:
 * <pre>{@code
 * [{"symbol": "ETH-USD", "venue": "binance-us", "cluster": "majors", "sector": "smart-contract-platform",
 *   "tickSize": 0.01, "lotSize": 0.01, "minNotional": 10, "maxNotional": 1000000}]
 * }</pre>
 * A perpetual adds its contract: {@code "kind": "linear-perpetual"}, {@code contractSize}, the desk's
 * {@code leverage} setting, {@code fundingIntervalHours} and {@code marginTiers}, the venue's bracket table as
 * published ({@code [{"floor": 0, "cap": 50000, "maxLeverage": 125, "maintenanceRate": 0.004}, ...]}, the last
 * without a cap). Without {@code kind} an entry is spot.
 * Every other field is required; any other field, a repeated symbol or a value the {@link Instrument} fact refuses
 * (a tick size that is not positive, a maximum notional under the minimum, ...) fails the whole file with a
 * message naming the file, the entry, the field, the value and what would be accepted.
 */
public record InstrumentSet(String name, String version, List<ListedInstrument> listed) {

    public static final String FILE = "instruments.json";
    public static final String DEFAULT_RESOURCE = "rulepacks/default/" + FILE;
    /** The fields of an entry, in the order the file and the messages list them. */
    public static final List<String> FIELDS = List.of("symbol", "venue", "cluster", "sector", "tickSize", "lotSize",
            "minNotional", "maxNotional");
    /** The fields a perpetual adds. */
    public static final List<String> CONTRACT_FIELDS = List.of("kind", "contractSize", "leverage",
            "fundingIntervalHours", "marginTiers");
    private static final List<String> TIER_FIELDS = List.of("floor", "cap", "maxLeverage", "maintenanceRate");
    private static final Set<String> TEXT_FIELDS = Set.of("symbol", "venue", "cluster", "sector");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 0.0001 stays 0.0001, not a double's 0.00010
            .build();

    public InstrumentSet {
        if (name == null || version == null || listed == null) {
            throw new IllegalArgumentException("name, version and listed are required; got name=" + name
                    + ", version=" + version + ", listed=" + (listed == null ? null : listed.size() + " instruments"));
        }
        Map<String, ListedInstrument> bySymbol = new TreeMap<>();
        for (ListedInstrument instrument : listed) {
            if (bySymbol.putIfAbsent(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException("instruments " + name + ": symbol '" + instrument.symbol()
                        + "' is listed twice; expected each symbol once");
            }
        }
        listed = List.copyOf(bySymbol.values()); // symbol order: the version does not depend on the file's order
    }

    public static InstrumentSet shippedDefault() {
        return fromJson("default", NumbersFile.resource(DEFAULT_RESOURCE));
    }

    /** A set listing nothing, for releases stored before instruments belonged to a release. */
    public static InstrumentSet none() {
        return new InstrumentSet("none", version(List.of()), List.of());
    }

    /** Builds a set from typed entries, versioned by their content. */
    public static InstrumentSet of(String name, List<ListedInstrument> listed) {
        InstrumentSet unversioned = new InstrumentSet(name, "", listed);
        return new InstrumentSet(name, version(unversioned.listed()), unversioned.listed());
    }

    /**
     * Parses an instruments file.
     *
     * @param fileName the file's name, for error messages
     * @throws IllegalArgumentException naming the file, the entry, the field, the value and what is accepted
     */
    public static InstrumentSet fromJson(String fileName, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("instruments file '" + fileName + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("instruments file '" + fileName + "' must be a JSON array of objects "
                    + "with the fields " + FIELDS + "; got " + (root == null ? "nothing" : kind(root)));
        }
        List<ListedInstrument> listed = new ArrayList<>();
        Map<String, Integer> symbolToIndex = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            ListedInstrument instrument = entry(fileName, i, root.get(i));
            Integer first = symbolToIndex.putIfAbsent(instrument.symbol(), i);
            if (first != null) {
                throw new IllegalArgumentException(where(fileName, i) + ".symbol: '" + instrument.symbol()
                        + "' is already listed at [" + first + "]; expected each symbol once");
            }
            listed.add(instrument);
        }
        return of(fileName, listed);
    }

    private static ListedInstrument entry(String fileName, int index, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where(fileName, index) + ": " + kind(node)
                    + " is not accepted; expected an object with the fields " + FIELDS);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIELDS.contains(field.getKey()) && !CONTRACT_FIELDS.contains(field.getKey())) {
                throw new IllegalArgumentException(where(fileName, index) + ": field '" + field.getKey()
                        + "' is not accepted; expected only " + FIELDS + " and, for a perpetual, " + CONTRACT_FIELDS);
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException(where(fileName, index) + "." + field
                        + ": missing; expected every one of " + FIELDS);
            }
            if (TEXT_FIELDS.contains(field)) {
                if (!value.isString()) {
                    throw new IllegalArgumentException(where(fileName, index) + "." + field + ": " + value
                            + " is not accepted; expected a string");
                }
                text.put(field, value.asString());
            } else {
                if (!value.isNumber()) {
                    throw new IllegalArgumentException(where(fileName, index) + "." + field + ": " + value
                            + " is not accepted; expected a number");
                }
                numbers.put(field, value.decimalValue());
            }
        }
        InstrumentKind kind = kindOf(fileName, index, node.get("kind"));
        ContractTerms terms = kind == InstrumentKind.SPOT ? spotOnly(fileName, index, node)
                : contract(fileName, index, text.get("symbol"), node);
        try {
            Instrument instrument = new Instrument(text.get("symbol"), text.get("venue"), text.get("cluster"),
                    numbers.get("tickSize"), numbers.get("lotSize"), numbers.get("minNotional"),
                    numbers.get("maxNotional"), kind, terms == null ? BigDecimal.ONE : terms.leverage());
            return new ListedInstrument(instrument, text.get("sector"), terms);
        } catch (InvalidFactException e) {
            throw new IllegalArgumentException(where(fileName, index) + " (" + text.get("symbol") + ")." + e.field()
                    + ": " + e.value() + " is not accepted; expected " + e.accepted(), e);
        }
    }

    private static InstrumentKind kindOf(String fileName, int index, JsonNode kind) {
        if (kind == null || kind.isNull()) {
            return InstrumentKind.SPOT;
        }
        for (InstrumentKind k : InstrumentKind.values()) {
            if (kind.isString() && kind.asString().equals(kindName(k))) {
                return k;
            }
        }
        throw new IllegalArgumentException(where(fileName, index) + ".kind: " + kind + " is not accepted; expected "
                + "\"spot\" or \"linear-perpetual\"");
    }

    /** How the file names a kind: {@code spot}, {@code linear-perpetual}. */
    public static String kindName(InstrumentKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static ContractTerms spotOnly(String fileName, int index, JsonNode node) {
        for (String field : CONTRACT_FIELDS.subList(1, CONTRACT_FIELDS.size())) {
            if (node.has(field)) {
                throw new IllegalArgumentException(where(fileName, index) + "." + field + ": not accepted for a spot "
                        + "instrument; expected it only with \"kind\": \"linear-perpetual\"");
            }
        }
        return null;
    }

    private static ContractTerms contract(String fileName, int index, String symbol, JsonNode node) {
        String at = where(fileName, index);
        BigDecimal contractSize = number(at, "contractSize", node.get("contractSize"));
        BigDecimal leverage = number(at, "leverage", node.get("leverage"));
        BigDecimal hours = number(at, "fundingIntervalHours", node.get("fundingIntervalHours"));
        if (hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(at + ".fundingIntervalHours: " + hours.toPlainString()
                    + " is not accepted; expected a whole number of hours > 0");
        }
        JsonNode tiers = node.get("marginTiers");
        if (tiers == null || !tiers.isArray() || tiers.isEmpty()) {
            throw new IllegalArgumentException(at + ".marginTiers: " + tiers + " is not accepted; expected the "
                    + "venue's bracket table, a non-empty array of objects with " + TIER_FIELDS);
        }
        List<ContractTerms.Bracket> brackets = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            JsonNode tier = tiers.get(t);
            String tierAt = at + ".marginTiers[" + t + "]";
            if (!tier.isObject()) {
                throw new IllegalArgumentException(tierAt + ": " + tier + " is not accepted; expected an object with "
                        + TIER_FIELDS);
            }
            for (Map.Entry<String, JsonNode> field : tier.properties()) {
                if (!TIER_FIELDS.contains(field.getKey())) {
                    throw new IllegalArgumentException(tierAt + ": field '" + field.getKey() + "' is not accepted; "
                            + "expected only " + TIER_FIELDS);
                }
            }
            boolean last = t == tiers.size() - 1;
            JsonNode cap = tier.get("cap");
            if (last != (cap == null || cap.isNull())) {
                throw new IllegalArgumentException(tierAt + ".cap: " + cap + " is not accepted; expected "
                        + (last ? "none on the last bracket" : "a number on every bracket but the last"));
            }
            brackets.add(new ContractTerms.Bracket(number(tierAt, "floor", tier.get("floor")),
                    last ? null : number(tierAt, "cap", cap), number(tierAt, "maxLeverage", tier.get("maxLeverage")),
                    number(tierAt, "maintenanceRate", tier.get("maintenanceRate"))));
        }
        try {
            return ContractTerms.tiered(symbol, contractSize, brackets, Duration.ofHours(hours.longValueExact()),
                    leverage);
        } catch (InvalidFactException e) {
            throw new IllegalArgumentException(at + " (" + symbol + ")." + e.field() + ": " + e.value()
                    + " is not accepted; expected " + e.accepted(), e);
        }
    }

    private static BigDecimal number(String at, String field, JsonNode value) {
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(at + "." + field + ": " + (value == null ? "missing" : value
                    + " is not accepted") + "; expected a number");
        }
        return value.decimalValue();
    }

    private static String where(String fileName, int index) {
        return "instruments file '" + fileName + "' [" + index + "]";
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.toString();
    }

    private static String version(List<ListedInstrument> listed) {
        ContentVersion version = ContentVersion.start();
        for (ListedInstrument entry : listed) {
            Instrument i = entry.instrument();
            version.add(i.symbol()).add(i.venue()).add(i.cluster()).add(entry.sector()).add(plain(i.tickSize()))
                    .add(plain(i.lotSize())).add(plain(i.minNotional())).add(plain(i.maxNotional()));
            ContractTerms terms = entry.terms();
            if (terms.kind() != InstrumentKind.SPOT) { // spot entries keep the versions they had before contracts
                version.add(kindName(terms.kind())).add(plain(terms.contractSize())).add(plain(terms.leverage()))
                        .add(Long.toString(terms.fundingInterval().toHours()));
                for (MarginTier t : terms.tiers()) {
                    version.add(plain(t.notionalFloor())).add(t.notionalCap() == null ? "-" : plain(t.notionalCap()))
                            .add(plain(t.maxLeverage())).add(plain(t.maintenanceRate()));
                }
            }
        }
        return version.version("ins-");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The instrument listed under {@code symbol}, as the fact the rules read. */
    public Optional<Instrument> find(String symbol) {
        return listing(symbol).map(ListedInstrument::instrument);
    }

    /** The sector of the instrument listed under {@code symbol}. */
    public Optional<String> sectorOf(String symbol) {
        return listing(symbol).map(ListedInstrument::sector);
    }

    /**
     * The instrument listed under {@code symbol}.
     *
     * @throws IllegalArgumentException with {@link #notListed(String)}'s text when it is not listed
     */
    public Instrument require(String symbol) {
        return find(symbol).orElseThrow(() -> new IllegalArgumentException(notListed(symbol)));
    }

    /** What to tell a client that names a symbol this set does not list. */
    public String notListed(String symbol) {
        return "'" + symbol + "' is not a listed instrument; listed: " + symbols()
                + " (instruments " + version + "); maybe add it to " + FILE + " through the rule-set lifecycle";
    }

    /** The instrument's contract and groups for the margin model, or null when it is not listed. */
    public Listing listingOf(String symbol) {
        return listing(symbol).map(ListedInstrument::listing).orElse(null);
    }

    /** The listed symbols, in order. */
    public List<String> symbols() {
        return listed.stream().map(ListedInstrument::symbol).toList();
    }

    /** The listed symbols held on margin (perpetuals): those that pay funding and take a margin mode, in order. */
    public List<String> perpetuals() {
        return listed.stream().filter(i -> i.instrument().kind() != InstrumentKind.SPOT).map(ListedInstrument::symbol)
                .toList();
    }

    /** The listed instruments as facts, in symbol order. */
    public List<Instrument> instruments() {
        return listed.stream().map(ListedInstrument::instrument).toList();
    }

    private Optional<ListedInstrument> listing(String symbol) {
        return listed.stream().filter(entry -> entry.symbol().equals(symbol)).findFirst();
    }
}
