package dev.arbiter.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Instrument;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instruments file: what ships, and every way a file can be wrong, with the message an officer reads. */
class InstrumentSetTest {

    private static final String ETH = "{\"symbol\": \"ETH-USD\", \"venue\": \"binance-us\", \"cluster\": \"majors\", "
            + "\"sector\": \"smart-contract-platform\", \"tickSize\": 0.01, \"lotSize\": 0.01, \"minNotional\": 10, "
            + "\"maxNotional\": 1000000}";
    private static final String BTC = "{\"symbol\": \"BTC-USD\", \"venue\": \"binance-us\", \"cluster\": \"majors\", "
            + "\"sector\": \"store-of-value\", \"tickSize\": 0.01, \"lotSize\": 0.0001, \"minNotional\": 10, "
            + "\"maxNotional\": 1000000}";

    @Test
    void shippedFileListsTheExampleInstrumentWithTheTermsTheRuleTestsUse() throws IOException {
        InstrumentSet shipped = InstrumentSet.shippedDefault();
        String background = Files.readString(Path.of("src", "main", "resources", "rulepacks", "default", "background.yaml"));

        assertThat(background).contains("Instrument: {symbol: ETH-USD, venue: binance-us, cluster: majors, tickSize: 0.01,"
                + " lotSize: 0.01, minNotional: 10, maxNotional: 1000000}");
        assertThat(shipped.find("ETH-USD")).contains(new Instrument("ETH-USD", "binance-us", "majors",
                new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.TEN, new BigDecimal("1000000")));
        assertThat(shipped.sectorOf("ETH-USD")).contains("smart-contract-platform");
        assertThat(shipped.version()).startsWith("ins-").hasSize(16);
        assertThat(shipped.name()).isEqualTo("default");
    }

    @Test
    void shippedPerpetualsCarryTheVenuesBracketsWithTheDerivedMaintenanceAmounts() {
        InstrumentSet shipped = InstrumentSet.shippedDefault();
        dev.arbiter.kb.margin.ContractTerms btc = shipped.listingOf("BTC-USDT-PERP").terms();

        assertThat(shipped.require("BTC-USDT-PERP").kind()).isEqualTo(dev.arbiter.kb.fact.InstrumentKind.LINEAR_PERPETUAL);
        assertThat(shipped.require("BTC-USDT").kind()).isEqualTo(dev.arbiter.kb.fact.InstrumentKind.SPOT);
        assertThat(btc.leverage()).isEqualByComparingTo("10");
        assertThat(btc.fundingInterval()).hasHours(8);
        // Binance's FAQ: a 500,000 USDT BTCUSDT position keeps maintenance amount 1,300 at 1 %.
        assertThat(btc.tier(new BigDecimal("500000")).maintenanceAmount()).isEqualByComparingTo("1300");
        assertThat(btc.tier(new BigDecimal("500000")).maintenanceRate()).isEqualByComparingTo("0.01");
        assertThat(shipped.listingOf("ETH-USDT-PERP").terms().tier(new BigDecimal("4200000")).maintenanceAmount())
                .isEqualByComparingTo("135365");
    }

    @Test
    void shippedFileListsEverySymbolTheShippedScenariosTrade() throws IOException {
        Pattern symbol = Pattern.compile("\\{symbol: ([A-Z0-9-]+), file:");
        Set<String> traded = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios", "shipped"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = symbol.matcher(Files.readString(file));
                while (m.find()) {
                    traded.add(m.group(1));
                }
            }
        }

        assertThat(traded).contains("BTC-USDT", "ETH-USDT", "SOL-USDT");
        assertThat(InstrumentSet.shippedDefault().symbols()).containsAll(traded)
                .contains("BTC-USD", "ETH-USD", "SOL-USD", "BNB-USD", "DOGE-USD", "BNB-USDT");
    }

    @Test
    void shippedRuleTestsUseTheShippedValuesForTheirInstruments() throws IOException {
        Pattern fact = Pattern.compile("Instrument: \\{symbol: ([A-Z-]+), venue: ([a-z-]+), cluster: ([a-z_]+), "
                + "tickSize: ([0-9.]+), lotSize: ([0-9.]+), minNotional: ([0-9.]+), maxNotional: 1000000}");
        InstrumentSet shipped = InstrumentSet.shippedDefault();
        int compared = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "rulepacks", "default"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = fact.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(shipped.find(m.group(1))).as(file + ": " + m.group()).contains(new Instrument(m.group(1),
                            m.group(2), m.group(3), new BigDecimal(m.group(4)), new BigDecimal(m.group(5)),
                            new BigDecimal(m.group(6)), new BigDecimal("1000000")));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    @Test
    void findsAListedSymbolAndNamesTheListedOnesForAnUnknownSymbol() {
        InstrumentSet set = InstrumentSet.fromJson("instruments.json", "[" + ETH + ", " + BTC + "]");

        assertThat(set.find("BTC-USD")).map(Instrument::lotSize).contains(new BigDecimal("0.0001"));
        assertThat(set.find("XYZ")).isEmpty();
        assertThat(set.sectorOf("XYZ")).isEmpty();
        assertThat(set.symbols()).containsExactly("BTC-USD", "ETH-USD");
        assertThat(set.notListed("XYZ")).startsWith("'XYZ' is not a listed instrument; listed: [BTC-USD, ETH-USD]")
                .contains(set.version()).endsWith("maybe add it to instruments.json through the rule-set lifecycle");
        assertThatThrownBy(() -> set.require("XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(set.notListed("XYZ"));
    }

    @Test
    void versionFollowsContentNotFileOrder() {
        InstrumentSet one = InstrumentSet.fromJson("a.json", "[" + ETH + ", " + BTC + "]");
        InstrumentSet reordered = InstrumentSet.fromJson("b.json", "[" + BTC + ", " + ETH + "]");
        InstrumentSet widerTick = InstrumentSet.fromJson("a.json", "[" + ETH.replace("\"tickSize\": 0.01", "\"tickSize\": 0.1")
                + ", " + BTC + "]");
        InstrumentSet otherSector = InstrumentSet.fromJson("a.json", "[" + ETH.replace("smart-contract-platform", "other")
                + ", " + BTC + "]");
        InstrumentSet trailingZeros = InstrumentSet.fromJson("a.json", "[" + ETH.replace("\"minNotional\": 10",
                "\"minNotional\": 10.00") + ", " + BTC + "]");

        assertThat(reordered.version()).isEqualTo(one.version());
        assertThat(trailingZeros.version()).isEqualTo(one.version());
        assertThat(widerTick.version()).isNotEqualTo(one.version());
        assertThat(otherSector.version()).isNotEqualTo(one.version()).isNotEqualTo(widerTick.version());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            negative tick         | "tickSize": 0.01          | "tickSize": -0.01        | instruments file 'instruments.json' [1] (ETH-USD).tickSize: -0.01 is not accepted; expected a number > 0
            zero lot              | "lotSize": 0.01           | "lotSize": 0             | instruments file 'instruments.json' [1] (ETH-USD).lotSize: 0 is not accepted; expected a number > 0
            max under min         | "maxNotional": 1000000    | "maxNotional": 5         | instruments file 'instruments.json' [1] (ETH-USD).maxNotional: 5 is not accepted; expected a number >= minNotional (10)
            negative min notional | "minNotional": 10         | "minNotional": -1        | instruments file 'instruments.json' [1] (ETH-USD).minNotional: -1 is not accepted; expected a number >= 0
            unknown field         | "lotSize": 0.01           | "lotSize": 0.01, "stepSize": 0.01 | instruments file 'instruments.json' [1]: field 'stepSize' is not accepted; expected only [symbol, venue, cluster, sector, tickSize, lotSize, minNotional, maxNotional] and, for a perpetual, [kind, contractSize, leverage, fundingIntervalHours, marginTiers]
            spot with a contract  | "lotSize": 0.01           | "lotSize": 0.01, "leverage": 5 | instruments file 'instruments.json' [1].leverage: not accepted for a spot instrument; expected it only with "kind": "linear-perpetual"
            unknown kind          | "lotSize": 0.01           | "lotSize": 0.01, "kind": "option" | instruments file 'instruments.json' [1].kind: "option" is not accepted; expected "spot" or "linear-perpetual"
            perpetual, no tiers   | "lotSize": 0.01           | "lotSize": 0.01, "kind": "linear-perpetual", "contractSize": 1, "leverage": 10, "fundingIntervalHours": 8 | instruments file 'instruments.json' [1].marginTiers: null is not accepted; expected the venue's bracket table, a non-empty array of objects with [floor, cap, maxLeverage, maintenanceRate]
            capped last bracket   | "lotSize": 0.01           | "lotSize": 0.01, "kind": "linear-perpetual", "contractSize": 1, "leverage": 10, "fundingIntervalHours": 8, "marginTiers": [{"floor": 0, "cap": 5, "maxLeverage": 20, "maintenanceRate": 0.01}] | instruments file 'instruments.json' [1].marginTiers[0].cap: 5 is not accepted; expected none on the last bracket
            leverage over venue's | "lotSize": 0.01           | "lotSize": 0.01, "kind": "linear-perpetual", "contractSize": 1, "leverage": 50, "fundingIntervalHours": 8, "marginTiers": [{"floor": 0, "maxLeverage": 20, "maintenanceRate": 0.01}] | instruments file 'instruments.json' [1] (ETH-USD).leverage: 50 is not accepted; expected at most the venue's maximum 20
            missing sector        | "sector": "smart-contract-platform", | `` | instruments file 'instruments.json' [1].sector: missing; expected every one of [symbol, venue, cluster, sector, tickSize, lotSize, minNotional, maxNotional]
            number as a string    | "tickSize": 0.01          | "tickSize": "0.01"       | instruments file 'instruments.json' [1].tickSize: "0.01" is not accepted; expected a number
            symbol not a string   | "symbol": "ETH-USD"       | "symbol": 7              | instruments file 'instruments.json' [1].symbol: 7 is not accepted; expected a string
            symbol with a space   | "symbol": "ETH-USD"       | "symbol": "ETH USD"      | instruments file 'instruments.json' [1] (ETH USD).symbol: 'ETH USD' is not accepted; expected 1-64 characters of letters, digits and . _ : / -, starting with a letter or digit
            duplicate symbol      | "symbol": "ETH-USD"       | "symbol": "BTC-USD"      | instruments file 'instruments.json' [1].symbol: 'BTC-USD' is already listed at [0]; expected each symbol once
            """)
    void refusesAFileWithABadEntryNamingFileEntryFieldValueAndWhatIsAccepted(String name, String find, String replace,
                                                                             String message) {
        assertThat(ETH).contains(find);
        String bad = "[" + BTC + ", " + ETH.replace(find, replace == null ? "" : replace) + "]";

        assertThatThrownBy(() -> InstrumentSet.fromJson("instruments.json", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesAFileThatIsNotAnArrayOfObjects() {
        assertThatThrownBy(() -> InstrumentSet.fromJson("instruments.json", "{\"ETH-USD\": {}}"))
                .hasMessage("instruments file 'instruments.json' must be a JSON array of objects with the fields "
                        + InstrumentSet.FIELDS + "; got an object");
        assertThatThrownBy(() -> InstrumentSet.fromJson("instruments.json", "[1]"))
                .hasMessage("instruments file 'instruments.json' [0]: 1 is not accepted; expected an object with the "
                        + "fields " + InstrumentSet.FIELDS);
        assertThatThrownBy(() -> InstrumentSet.fromJson("instruments.json", "[" + ETH))
                .hasMessageStartingWith("instruments file 'instruments.json' is not valid JSON: ");
    }

    @Test
    void refusesTheSameSymbolTwiceWhenBuiltFromEntries() {
        ListedInstrument eth = ListedInstrument.of("ETH-USD", "binance-us", "majors", "smart-contract-platform", "0.01",
                "0.01", "10", "1000000");

        assertThatThrownBy(() -> InstrumentSet.of("what-if", java.util.List.of(eth, eth)))
                .hasMessage("instruments what-if: symbol 'ETH-USD' is listed twice; expected each symbol once");
        assertThat(InstrumentSet.of("what-if", java.util.List.of(eth)).version())
                .isEqualTo(InstrumentSet.fromJson("x", "[" + ETH + "]").version());
    }
}
