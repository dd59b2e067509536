package dev.arbiter.engine.cli;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionIds;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.marketdata.BarFile;
import dev.arbiter.mlbridge.marketdata.BarFileException;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.rules.pack.InstrumentSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter decide --request FILE [--account FILE] [--bars [SYMBOL=]FILE]... [--fills FILE]... [--models DIR]}: one
 * decision in-process, through the same core the service runs: the account's opening balance, the bars and the fills
 * (the bodies the service's endpoints take) are journaled first, in that order, then the request is decided from the
 * engine's state; the decision JSON goes to stdout. The models the request names are loaded from {@code --models}
 * (default {@code var/models}).
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Make one decision in-process: journal an account's opening balance, bars and fills, then decide a request.")
final class DecideCommand implements Callable<Integer> {

    @Option(names = "--request", required = true, paramLabel = "FILE",
            description = "decision request JSON (see docs/api.md and docs/examples/decision-request.json)")
    private Path request;

    @Option(names = "--account", paramLabel = "FILE",
            description = "the account's opening balance, as PUT /v1/accounts/{id} takes it (docs/examples/account.json)")
    private Path account;

    @Option(names = "--bars", paramLabel = "[SYMBOL=]FILE",
            description = "bars as POST /v1/market/bars takes them (docs/examples/bars.json), or any other "
                    + BarFormatConverter.FORMATS + "; SYMBOL= names the instrument of a file that does not (e.g."
                    + " ETH-USD=ETHUSDT-5m-2023-03.zip); repeatable")
    private List<String> bars = new ArrayList<>();

    @Option(names = "--fills", paramLabel = "FILE",
            description = "fills as POST /v1/fills takes them (docs/examples/fills.json); repeatable")
    private List<Path> fills = new ArrayList<>();

    @Option(names = "--trace", description = "print {decision, trace} instead of the decision alone")
    private boolean withTrace;

    @Option(names = "--models", paramLabel = "DIR",
            description = "model registry the request's `models` are loaded from (default: var/models)")
    private Path models = DecisionPipeline.DEFAULT_MODEL_REGISTRY;

    @Override
    public Integer call() throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(request);
        } catch (NoSuchFileException e) {
            System.err.println("--request: " + request + " does not exist");
            return 2;
        }
        ClientRequest parsed;
        try {
            parsed = DecisionRequestReader.readClient(body);
        } catch (InvalidRequestException e) {
            System.err.println("invalid request " + request + ": " + e.getMessage());
            return 2;
        }
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults(new ModelRegistry(models));
             TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET)) {
            String file = "";
            try {
                InstrumentSet instruments = pipeline.active().instruments();
                if (account != null) {
                    file = "--account " + account;
                    EventBodies.Opening opening = read(account, EventBodies.Opening.class);
                    String id = opening.accountId() == null ? parsed.accountId() : opening.accountId();
                    core.submit(opening.toEvent(id, parsed.asOf()), null);
                }
                for (String option : bars) {
                    int equals = option.indexOf('=');
                    boolean named = equals > 0 && option.substring(0, equals).matches("[A-Za-z0-9._:/-]+")
                            && !Files.exists(Path.of(option));
                    Path path = Path.of(named ? option.substring(equals + 1) : option);
                    file = "--bars " + path;
                    if (!Files.exists(path)) {
                        throw new InvalidRequestException("(file)", path.toString(), "an existing file");
                    }
                    BarFile series = BarsReader.read(path, BarsReader.Options.forSymbol(named ? option.substring(0, equals) : null));
                    instruments.find(series.symbol()).orElseThrow(() -> new InvalidRequestException("symbol",
                            "'" + series.symbol() + "'", "a listed instrument " + instruments.symbols()));
                    for (Bar bar : series.bars()) {
                        core.bar(bar);
                    }
                }
                for (Path path : fills) {
                    file = "--fills " + path;
                    List<EventBodies.Fill> items = read(path, EventBodies.Fills.class).fills();
                    for (int i = 0; i < items.size(); i++) {
                        EventBodies.Fill fill = items.get(i);
                        core.submit(fill.toEvent("fills[" + i + "]", instruments, core::account), fill.key());
                    }
                }
            } catch (InvalidRequestException | InvalidEventException | InvalidFactException | BarFileException e) {
                System.err.println("invalid " + file + ": " + e.getMessage());
                return 2;
            }
            DecisionResult result = new EngineDecisions(core).decide(DecisionIds.fromContent(body), parsed, pipeline);
            Object out = result.decision();
            if (withTrace) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("decision", result.decision());
                both.put("trace", result.trace());
                out = both;
            }
            System.out.println(ArbiterJson.mapper().writeValueAsString(out));
            return 0;
        } catch (InvalidRequestException e) {
            System.err.println("invalid request " + request + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("--models " + models + ": " + e.getMessage());
            return 1;
        }
    }

    private static <T> T read(Path path, Class<T> type) throws IOException {
        if (!Files.exists(path)) {
            throw new InvalidRequestException("(file)", path.toString(), "an existing file");
        }
        try {
            return ArbiterJson.mapper().readValue(Files.readAllBytes(path), type);
        } catch (tools.jackson.core.JacksonException e) {
            throw JsonInputErrors.translate(e);
        }
    }
}
