package dev.arbiter.cluster.cli;

import dev.arbiter.cluster.job.DecisionJob;
import dev.arbiter.cluster.job.JobSettings;
import dev.arbiter.cluster.job.PipelineSource;
import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.cluster.state.AccountSlice;
import dev.arbiter.cluster.state.StateSize;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.scenarios.data.MissingMarketDataException;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arbiter cluster replay FILE...}: scenarios on the scenario runner, then the same inputs as one bounded job,
 * accounts spread over the workers; every decision compared with the runner's, and both timed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run scenarios on the scenario runner, recording the inputs the engine was given, then decide "
                + "all of them again as one bounded Flink job and compare every decision. Exit 0 when every decision "
                + "is identical, 3 when one is not, 2 on bad input.")
final class ClusterReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files (YAML), each with its own account id and the same rules")
    private List<Path> files;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N", description = "workers (default ${DEFAULT-VALUE})")
    private int parallelism;

    @Option(names = "--accounts", defaultValue = "1", paramLabel = "N",
            description = "run each scenario for N accounts (its account id with -1 .. -N), as a desk with several "
                    + "accounts on the same market would (default ${DEFAULT-VALUE})")
    private int accounts;

    @Override
    public Integer call() throws Exception {
        try {
            return replay();
        } catch (InvalidScenarioException | InvalidRequestException | MissingMarketDataException e) {
            System.err.println("arbiter cluster: " + e.getMessage());
            return 2;
        }
    }

    private int replay() throws Exception {
        if (parallelism < 1) {
            throw new InvalidScenarioException("--parallelism", parallelism, "1 or more workers");
        }
        if (accounts < 1) {
            throw new InvalidScenarioException("--accounts", accounts, "1 or more accounts per scenario");
        }
        List<RecordedRun> runs = new ArrayList<>();
        Map<String, Instrument> listed = new LinkedHashMap<>();
        long runnerNanos = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidScenarioException("FILE", "'" + file + "'", "an existing scenario file (.yaml)");
            }
            ScenarioSpec read = ScenarioFiles.read(file);
            if (!runs.isEmpty() && !read.rules().equals(runs.get(0).spec().rules())) {
                throw new InvalidScenarioException("rules", file, "the same rules as " + files.get(0)
                        + " (one job decides with one rule set)");
            }
            Map<String, List<Bar>> bars = ScenarioData.load(read);
            for (int copy = 1; copy <= accounts; copy++) {
                ScenarioSpec spec = accounts == 1 ? read : read.forAccount(read.account().accountId() + "-" + copy);
                String account = spec.account().accountId();
                if (runs.stream().anyMatch(r -> r.spec().account().accountId().equals(account))) {
                    throw new InvalidScenarioException("account.id", account, "an account id no other scenario uses");
                }
                long started = System.nanoTime();
                RecordedRun run = RecordedRun.of(spec, bars);
                runnerNanos += System.nanoTime() - started;
                for (Instrument instrument : run.instruments()) {
                    Instrument earlier = listed.putIfAbsent(instrument.symbol(), instrument);
                    if (earlier != null && !earlier.equals(instrument)) {
                        throw new InvalidScenarioException("market", instrument.symbol(),
                                "the same terms in every scenario");
                    }
                }
                runs.add(run);
            }
        }
        List<StreamInput> merged = RecordedRun.interleave(runs.stream().map(RecordedRun::inputs).toList());
        JobSettings settings = new JobSettings(new ScenarioPipeline(files.get(0).toAbsolutePath().toString()),
                ArbiterJson.mapper().writeValueAsString(List.copyOf(listed.values())), runs.get(0).spec().windowBars(),
                4096);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                DecisionJob.configuration(parallelism));
        long started = System.nanoTime();
        long firstAnswer = 0;
        Map<String, String> decided = new LinkedHashMap<>();
        try (var answers = DecisionJob.replay(env, merged, List.of(), settings).executeAndCollect("arbiter replay")) {
            while (answers.hasNext()) {
                AccountRecord record = answers.next();
                if (firstAnswer == 0) {
                    firstAnswer = System.nanoTime();
                }
                if (record.kind().equals(AccountRecord.Kind.DECISION.name())) {
                    decided.put(record.accountId() + "/" + record.subject(), record.payload());
                }
            }
        }
        long jobNanos = System.nanoTime() - started;
        int decisions = 0;
        int differ = 0;
        for (RecordedRun run : runs) {
            String account = run.spec().account().accountId();
            int same = 0;
            for (Map.Entry<String, String> expected : run.decisions().entrySet()) {
                decisions++;
                if (expected.getValue().equals(decided.get(account + "/" + expected.getKey()))) {
                    same++;
                } else {
                    differ++;
                }
            }
            System.out.printf(Locale.ROOT, "%s (account %s): %d decisions, %d identical to the runner's; %s%n",
                    run.spec().name(), account, run.decisions().size(), same, checkpointed(run));
        }
        System.out.printf(Locale.ROOT, "runner: %d inputs in %.1f s, one after another%n", merged.size(), runnerNanos / 1e9);
        double steady = (started + jobNanos - firstAnswer) / 1e9;
        System.out.printf(Locale.ROOT, "job at parallelism %d: %d inputs, %d decisions in %.1f s, the first answer after "
                        + "%.1f s (start-up: the cluster, each worker's pipeline); after it %.1f decisions/s%n",
                parallelism, merged.size(), decisions, jobNanos / 1e9, (firstAnswer - started) / 1e9,
                decisions / steady);
        return differ == 0 && decided.size() == decisions ? 0 : 3;
    }

    /** What the account's part of a checkpoint holds at the end of the run. */
    private static String checkpointed(RecordedRun run) {
        List<MarketEvent> market = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (StreamInput input : run.inputs()) {
            switch (input) {
                case StreamInput.MarketBar b -> market.add(new BarEvent(b.bar()));
                case StreamInput.MarkUpdate m -> market.add(new MarkPriceEvent(m.mark()));
                case StreamInput.Event e when e.key() != null -> keys.add(e.key());
                default -> { }
            }
        }
        StateSize size = StateSize.of(new AccountSlice(run.finalState(), 0, 0,
                new AccountRecord.Head(run.inputs().size(), AccountRecord.GENESIS)), market, keys, List.of());
        return String.format(Locale.ROOT, "state %.1f KB (account %.1f KB, %d market events %.1f KB, %d keys)",
                size.total() / 1024.0, size.slice() / 1024.0, market.size(), size.market() / 1024.0, keys.size());
    }

    /** Each worker builds the scenarios' pipeline from the first scenario file's rules. */
    record ScenarioPipeline(String file) implements PipelineSource {
        @Override
        public DecisionPipeline open() {
            try {
                ScenarioSpec spec = ScenarioFiles.read(Path.of(file));
                return PipelineFactory.create(spec.rules(), spec.strategies());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
