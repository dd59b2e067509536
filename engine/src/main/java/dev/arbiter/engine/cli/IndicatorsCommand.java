package dev.arbiter.engine.cli;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.BarFlag;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.BarFile;
import dev.arbiter.mlbridge.marketdata.BarFileException;
import dev.arbiter.mlbridge.marketdata.BarFormat;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter indicators --bars FILE --out FILE [--set NAME] [--format NAME]}: streams a bars file (any format
 * {@link BarsReader} reads) through a feature
 * set and writes {@code time} plus one column per feature, empty during warm-up (see
 * {@code docs/indicators.md}). A refused bar exits 2 with its line; the output is written only when
 * every bar was read, so a partial file never appears.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Compute a feature set over a bars file (CSV, Binance klines or ZIP, OHLCV/ta4j/bars JSON) and write it as CSV.")
final class IndicatorsCommand implements Callable<Integer> {

    @Option(names = "--bars", required = true, paramLabel = "FILE",
            description = BarFormatConverter.FORMATS + "; times are bar opens")
    private Path bars;

    @Option(names = "--format", paramLabel = "NAME", converter = BarFormatConverter.class, description = BarFormatConverter.HELP)
    private BarFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the features CSV")
    private Path out;

    @Option(names = "--set", paramLabel = "NAME", description = "feature set (default: default)")
    private String setName = "default";

    @Option(names = "--sets", paramLabel = "FILE", description = "feature sets YAML (default: the shipped sets)")
    private Path setsFile;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "instrument symbol (default: from the file name)")
    private String symbol;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "bar period as ISO-8601, e.g. PT1H (default: the smallest step between times)")
    private String period;

    @Override
    public Integer call() throws IOException {
        FeatureSet set;
        try {
            set = (setsFile == null ? FeatureSets.builtIn() : FeatureSets.load(setsFile)).get(setName);
        } catch (NoSuchFileException e) {
            System.err.println("--sets: " + setsFile + " does not exist");
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("--set: " + e.getMessage());
            return 2;
        }
        Duration barPeriod;
        try {
            barPeriod = period == null ? null : Duration.parse(period);
        } catch (DateTimeParseException e) {
            System.err.println("--period: '" + period + "' is not accepted; expected an ISO-8601 duration such as PT1H or PT5M");
            return 2;
        }
        BarFile file;
        try {
            file = BarsReader.read(bars, BarsReader.Options.forSymbol(symbol == null ? symbolFrom(bars) : symbol)
                    .period(barPeriod).format(format));
        } catch (NoSuchFileException e) {
            System.err.println("--bars: " + bars + " does not exist");
            return 2;
        } catch (BarFileException e) {
            System.err.println("invalid bars " + e.getMessage());
            return 2;
        }
        Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".indicators-", ".csv");
        int gaps = 0;
        int duplicates = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write("time," + String.join(",", set.columns()));
            writer.newLine();
            Bar first = file.bars().get(0);
            StreamingFeatures features = new StreamingFeatures(first.symbol(), file.period(), set);
            for (int i = 0; i < file.bars().size(); i++) {
                FeatureUpdate update;
                try {
                    update = features.accept(file.bars().get(i));
                } catch (InvalidFactException e) {
                    System.err.println("invalid bars " + bars + " " + file.where(i) + ": " + e.getMessage());
                    Files.deleteIfExists(partial);
                    return 2;
                }
                if (update.flags().stream().anyMatch(f -> f.kind() == BarFlag.Kind.DUPLICATE)) {
                    duplicates++;
                    continue;
                }
                gaps += (int) update.flags().stream().filter(f -> f.kind() == BarFlag.Kind.GAP).count();
                writer.write(row(update));
                writer.newLine();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("wrote " + file.bars().size() + " bars x " + set.columns().size() + " features of set '" + set.name()
                + "' to " + out + (gaps > 0 ? "; " + gaps + " gap(s) in the bars" : "")
                + (duplicates > 0 ? "; " + duplicates + " identical duplicate bar(s) ignored" : ""));
        return 0;
    }

    private static String row(FeatureUpdate update) {
        StringBuilder line = new StringBuilder(update.bar().openTime().toString());
        for (double value : update.values()) {
            line.append(',');
            if (!Double.isNaN(value)) {
                line.append(value);
            }
        }
        return line.toString();
    }

    /** {@code BTC_USDT-1h.csv} → {@code BTC_USDT-1h}: the file name is a valid symbol for one run. */
    private static String symbolFrom(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String cleaned = stem.replaceAll("[^A-Za-z0-9._:/-]", "-");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "BARS" : cleaned.substring(0, Math.min(64, cleaned.length()));
    }
}
