package dev.arbiter.scenarios.spec;

import dev.arbiter.mlbridge.marketdata.BarFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import dev.arbiter.rules.pack.InstrumentSet;
import java.util.Set;
import dev.arbiter.scenarios.stress.Shock;
import dev.arbiter.scenarios.search.SearchSpec;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads scenario files, checking every field and naming the first one that is wrong. */
public final class ScenarioFiles {

    /** Bars of history a request needs before every feature of the model feature set has a value. */
    static final int MODEL_WINDOW_BARS = 50;

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ScenarioFiles() {
    }

    public static ScenarioSpec read(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        return parse(Files.readString(absolute), absolute.getParent());
    }

    public static ScenarioSpec parse(String yaml, Path baseDirectory) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidScenarioException("(file)", "text that is not YAML (" + e.getOriginalMessage() + ")",
                    "a YAML mapping as described in docs/scenarios.md");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidScenarioException("(file)", "an empty file", "a YAML mapping as described in docs/scenarios.md");
        }
        SpecNode node = new SpecNode(root, "");
        node.allowOnly("name", "description", "market", "from", "to", "windowBars", "account", "rules", "fills", "exits",
                "detectors", "strategies", "clients", "expect", "stress", "search", "model");
        List<MarketFeed> market = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (SpecNode feed : node.list("market")) {
            MarketFeed read = feed(feed);
            if (!symbols.add(read.symbol())) {
                throw new InvalidScenarioException(feed.path() + ".symbol", "'" + read.symbol() + "'", "each symbol once");
            }
            market.add(read);
        }
        if (market.isEmpty()) {
            throw new InvalidScenarioException("market", "nothing", "a list of at least one instrument's bars");
        }
        Instant from = node.instant("from", null);
        Instant to = node.instant("to", null);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidScenarioException("to", to, "a time after from (" + from + ")");
        }
        int window = node.integer("windowBars", 100, 2);
        List<ClientSpec> clients = new ArrayList<>();
        for (SpecNode client : node.list("clients")) {
            clients.add(client(client, symbols));
        }
        List<Expectation> expectations = new ArrayList<>();
        for (SpecNode expectation : node.list("expect")) {
            expectations.add(expectation(expectation));
        }
        refuseDetectors(node);
        RulesSpec rules = rules(node, baseDirectory);
        requireFundingOnPerpetualsOnly(market, rules.instruments());
        return new ScenarioSpec(node.text("name"), node.text("description", ""), baseDirectory, market, from, to, window,
                account(node), rules, fills(node), exits(node),
                node.flag("strategies", true), clients, expectations, stress(node, symbols),
                search(node), model(node, window));
    }

    private static ModelSpec model(SpecNode node, int windowBars) {
        if (!node.has("model")) {
            return null;
        }
        SpecNode model = node.child("model");
        model.allowOnly("algorithm", "horizon", "trainBars", "seed");
        if (windowBars < MODEL_WINDOW_BARS) {
            throw new InvalidScenarioException("windowBars", windowBars, "at least " + MODEL_WINDOW_BARS
                    + " with a model (its features need that many bars of history in each request)");
        }
        return new ModelSpec(model.choice("algorithm", "logit", "logit", "gbt", "rf"), model.integer("horizon", 6, 1),
                model.integer("trainBars", 1000, 1), model.longValue("seed", 1));
    }

    private static MarketFeed feed(SpecNode feed) {
        feed.allowOnly("symbol", "file", "format", "period", "resample", "cluster", "lotSize", "tickSize", "minNotional",
                "generate", "funding");
        String symbol = feed.text("symbol");
        BigDecimal positive = new BigDecimal("1e-12");
        BigDecimal lot = feed.decimal("lotSize", new BigDecimal("0.0001"), positive, null);
        BigDecimal tick = feed.decimal("tickSize", new BigDecimal("0.0001"), positive, null);
        BigDecimal minNotional = feed.decimal("minNotional", BigDecimal.TEN, BigDecimal.ZERO, null);
        String cluster = feed.text("cluster", "crypto");
        Duration period = feed.duration("period", null);
        if (feed.has("generate") == feed.has("file")) {
            throw new InvalidScenarioException(feed.path(), feed.has("file") ? "both file and generate" : "neither file nor generate",
                    "exactly one of file (real bars) or generate (synthetic bars)");
        }
        if (period == null) {
            throw new InvalidScenarioException(feed.path() + ".period", "nothing", "the bar period, e.g. PT1H");
        }
        if (feed.has("generate")) {
            SpecNode g = feed.child("generate");
            g.allowOnly("start", "bars", "price", "drift", "volatility", "seed");
            MarketFeed.Generator generator = new MarketFeed.Generator(g.instant("start", Instant.parse("2024-01-01T00:00:00Z")),
                    g.integer("bars", 500, 2), g.decimal("price", BigDecimal.valueOf(100), positive, null),
                    g.decimal("drift", BigDecimal.ZERO, null, null).doubleValue(),
                    g.decimal("volatility", new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ONE).doubleValue(),
                    g.longValue("seed", 1));
            return new MarketFeed(symbol, "generate", "generated", period, cluster, lot, tick, minNotional, generator, null,
                    feed.has("funding") ? feed.text("funding") : null);
        }
        String format = feed.choice("format", "auto", Stream.concat(Stream.of("auto"),
                BarFormat.all().stream().map(BarFormat::name)).toArray(String[]::new));
        Duration resample = feed.duration("resample", null);
        if (resample != null && (resample.compareTo(period) <= 0 || resample.toSeconds() % period.toSeconds() != 0
                || Duration.ofDays(1).toSeconds() % Math.min(resample.toSeconds(), Duration.ofDays(1).toSeconds()) != 0)) {
            throw new InvalidScenarioException(feed.path() + ".resample", resample,
                    "a multiple of the period " + period + " that divides a day or is whole days (e.g. PT4H, P1D)");
        }
        return new MarketFeed(symbol, feed.text("file"), format, period, cluster, lot, tick, minNotional, null, resample,
                feed.has("funding") ? feed.text("funding") : null);
    }

    private static StressSpec stress(SpecNode node, Set<String> symbols) {
        if (!node.has("stress")) {
            return StressSpec.NONE;
        }
        SpecNode stress = node.child("stress");
        stress.allowOnly("shocks", "monteCarlo", "drawdownLimit");
        List<Shock> shocks = new ArrayList<>();
        for (SpecNode item : stress.list("shocks")) {
            item.allowOnly("name", "kind", "at", "from", "to", "size", "factor", "symbols");
            String kind = item.choice("kind", null, Shock.KINDS.toArray(String[]::new));
            boolean window = kind.equals("volatility") || kind.equals("stale-feed") || kind.equals("outage");
            Instant from = item.instant(window ? "from" : "at", null);
            if (from == null) {
                throw new InvalidScenarioException(item.path() + (window ? ".from" : ".at"), "nothing",
                        window ? "the window's start (ISO-8601 UTC)" : "the shock's time (ISO-8601 UTC)");
            }
            Instant to = window ? item.instant("to", null) : null;
            if (window && (to == null || !to.isAfter(from))) {
                throw new InvalidScenarioException(item.path() + ".to", to, "a time after from (" + from + ")");
            }
            double size = switch (kind) {
                case "gap", "correlated-crash" -> item.decimal("size", new BigDecimal("-0.3"), new BigDecimal("-0.99"),
                        BigDecimal.TEN).doubleValue();
                case "volatility" -> item.decimal("factor", BigDecimal.valueOf(3), new BigDecimal("0.01"),
                        BigDecimal.valueOf(100)).doubleValue();
                default -> 0;
            };
            List<String> hit = item.texts("symbols");
            for (int i = 0; i < hit.size(); i++) {
                if (!symbols.contains(hit.get(i))) {
                    throw new InvalidScenarioException(item.path() + ".symbols[" + i + "]", "'" + hit.get(i) + "'",
                            "a symbol of the scenario's market " + symbols.stream().sorted().toList());
                }
            }
            shocks.add(new Shock(item.text("name", kind), kind, from, to, size, hit));
        }
        int paths = 0;
        int block = StressSpec.NONE.blockBars();
        long seed = StressSpec.NONE.seed();
        if (stress.has("monteCarlo")) {
            SpecNode mc = stress.child("monteCarlo");
            mc.allowOnly("paths", "blockBars", "seed");
            paths = mc.integer("paths", 20, 1);
            block = mc.integer("blockBars", block, 1);
            seed = mc.longValue("seed", seed);
        }
        return new StressSpec(shocks, paths, block, seed, stress.fraction("drawdownLimit", StressSpec.NONE.drawdownLimit()));
    }

    private static SearchSpec search(SpecNode node) {
        if (!node.has("search")) {
            return null;
        }
        SpecNode search = node.child("search");
        search.allowOnly("parameters", "trainBars", "testBars", "folds", "population", "generations", "seed");
        java.util.Map<String, double[]> ranges = new java.util.LinkedHashMap<>();
        SpecNode parameters = search.child("parameters");
        for (String name : parameters.keys()) {
            List<SpecNode> bounds = parameters.list(name);
            String field = parameters.path() + "." + name;
            if (bounds.size() != 2) {
                throw new InvalidScenarioException(field, bounds.size() + " values", "[min, max]");
            }
            double min = bounds.get(0).number(field + "[0]");
            double max = bounds.get(1).number(field + "[1]");
            if (!(max > min)) {
                throw new InvalidScenarioException(field, "[" + min + ", " + max + "]", "[min, max] with max > min");
            }
            ranges.put(name, new double[] {min, max});
        }
        if (ranges.isEmpty()) {
            throw new InvalidScenarioException("search.parameters", "nothing", "at least one parameter with [min, max]");
        }
        return new SearchSpec(ranges, search.integer("trainBars", 240, 10), search.integer("testBars", 120, 5),
                search.integer("folds", 1, 1), search.integer("population", 8, 2), search.integer("generations", 3, 1),
                search.longValue("seed", 1));
    }

    private static AccountSpec account(SpecNode node) {
        if (!node.has("account")) {
            return new AccountSpec("sim-1", BigDecimal.valueOf(100_000));
        }
        SpecNode account = node.child("account");
        account.allowOnly("id", "cash");
        return new AccountSpec(account.text("id", "sim-1"),
                account.decimal("cash", BigDecimal.valueOf(100_000), BigDecimal.ONE, null));
    }

    private static RulesSpec rules(SpecNode node, Path baseDirectory) {
        if (!node.has("rules")) {
            return new RulesSpec(null, true, java.util.Map.of(), java.util.Map.of());
        }
        SpecNode rules = node.child("rules");
        rules.allowOnly("directory", "riskLayers", "limits", "parameters");
        Path directory = null;
        if (rules.has("directory")) {
            directory = baseDirectory.resolve(rules.text("directory")).normalize();
            if (!Files.isDirectory(directory)) {
                throw new InvalidScenarioException("rules.directory", "'" + rules.text("directory") + "'",
                        "a rule-set folder relative to the scenario file (" + directory + " is not one)");
            }
        }
        return new RulesSpec(directory, rules.flag("riskLayers", true), rules.numbers("limits"), rules.numbers("parameters"));
    }

    private static FillSpec fills(SpecNode node) {
        if (!node.has("fills")) {
            return FillSpec.DEFAULT;
        }
        SpecNode fills = node.child("fills");
        fills.allowOnly("feeRate", "slippageRate", "latencyBars", "makerFeeRate", "takerFeeRate");
        return new FillSpec(fills.fraction("feeRate", FillSpec.DEFAULT.feeRate()),
                fills.fraction("slippageRate", FillSpec.DEFAULT.slippageRate()), fills.integer("latencyBars", 0, 0),
                fills.fraction("makerFeeRate", FillSpec.MAKER_FEE_RATE),
                fills.fraction("takerFeeRate", FillSpec.TAKER_FEE_RATE));
    }

    private static ExitSpec exits(SpecNode node) {
        if (!node.has("exits")) {
            return ExitSpec.DEFAULT;
        }
        SpecNode exits = node.child("exits");
        exits.allowOnly("useStops", "maxHoldingBars");
        return new ExitSpec(exits.flag("useStops", true), exits.integer("maxHoldingBars", ExitSpec.DEFAULT.maxHoldingBars(), 1));
    }

    /**
     * Scenarios once configured a flash-crash detector of the runner's own; flash crashes now come from the engine's
     * anomaly detection, the same the service runs, so the section is refused with what to do instead.
     */
    private static void refuseDetectors(SpecNode node) {
        if (node.has("detectors")) {
            throw new InvalidScenarioException("detectors", "a detector of the scenario's own",
                    "no detectors section: flash crashes come from the engine's own anomaly detection, as in the service "
                            + "(a close at least 5 % below the highest close of the 5 bars before it, or a one-bar fall "
                            + "beyond 8 robust standard deviations: AnomalySettings); remove the section "
                            + "(docs/scenarios.md, \"Flash crashes\")");
        }
    }

    private static ClientSpec client(SpecNode client, Set<String> symbols) {
        client.allowOnly("name", "everyBars", "notional", "stopFraction", "symbols");
        List<String> buys = client.texts("symbols");
        for (int i = 0; i < buys.size(); i++) {
            if (!symbols.contains(buys.get(i))) {
                throw new InvalidScenarioException(client.path() + ".symbols[" + i + "]", "'" + buys.get(i) + "'",
                        "a symbol of the scenario's market " + symbols.stream().sorted().toList());
            }
        }
        return new ClientSpec(client.text("name"), client.integer("everyBars", 1, 1),
                client.decimal("notional", BigDecimal.valueOf(1000), BigDecimal.ONE, null),
                stopFraction(client), buys);
    }

    /** {@code stopFraction: none} sends intents without a stop-loss (the L1 rules require one to open). */
    private static OptionalDouble stopFraction(SpecNode client) {
        if (client.has("stopFraction") && "none".equals(client.rawText("stopFraction"))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(client.fraction("stopFraction", 0.05));
    }

    /**
     * A perpetual pays funding, so its market entry names the funding-rate file; a spot instrument has none. Which
     * symbols are perpetuals is the rule set's instruments file's to say.
     */
    private static void requireFundingOnPerpetualsOnly(List<MarketFeed> market, InstrumentSet listed) {
        List<String> perpetuals = listed.perpetuals();
        for (int i = 0; i < market.size(); i++) {
            MarketFeed feed = market.get(i);
            boolean perpetual = perpetuals.contains(feed.symbol());
            if (perpetual && feed.funding() == null) {
                throw new InvalidScenarioException("market[" + i + "].funding", "nothing for " + feed.symbol()
                        + ", a linear perpetual", "the perpetual's funding-rate file, e.g. funding: \"data:"
                        + "roshan7869-algotrading/futures/BTC_USDT_USDT-funding_rate.csv\"");
            }
            if (!perpetual && feed.funding() != null) {
                throw new InvalidScenarioException("market[" + i + "].funding", "'" + feed.funding() + "' for "
                        + feed.symbol() + ", a spot instrument", "funding only on a linear perpetual the rule set's "
                        + "instruments.json lists " + perpetuals + "; remove it for spot");
            }
        }
    }

    private static Expectation expectation(SpecNode item) {
        item.allowOnly("check", "rule", "atLeast", "atMost");
        String check = item.choice("check", null, Expectation.CHECKS.toArray(String[]::new));
        String rule = item.has("rule") ? item.text("rule") : null;
        boolean needsRule = check.equals("rule-fires") || check.equals("rule-silent");
        if (needsRule != (rule != null)) {
            throw new InvalidScenarioException(item.path() + ".rule", rule == null ? "nothing" : "'" + rule + "'",
                    needsRule ? "a reason code such as L4-FLASH-CRASH" : "no rule for check " + check);
        }
        Double atLeast = item.has("atLeast") ? item.decimal("atLeast").doubleValue() : null;
        Double atMost = item.has("atMost") ? item.decimal("atMost").doubleValue() : null;
        boolean boundless = check.equals("no-open-while-halted") || check.equals("rule-silent");
        if (!boundless && atLeast == null && atMost == null) {
            throw new InvalidScenarioException(item.path(), "no bound", "atLeast and/or atMost for check " + check);
        }
        return new Expectation(check, rule, atLeast, atMost);
    }
}
