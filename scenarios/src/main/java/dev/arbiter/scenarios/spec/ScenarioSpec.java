package dev.arbiter.scenarios.spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import dev.arbiter.scenarios.search.SearchSpec;

/**
 * A scenario as read from its YAML file (format: {@code docs/scenarios.md}).
 *
 * @param baseDirectory the scenario file's folder: relative paths resolve against it
 * @param from          first decision time (inclusive), or null for the data's start
 * @param to            last decision time (exclusive), or null for the data's end
 * @param windowBars    bars of history each decision request carries per instrument
 * @param strategies    true to let the rule set's strategies propose (false: only the clients trade)
 * @param stress        shocks and Monte Carlo settings for {@code scenario stress}
 * @param search        walk-forward parameter search settings for {@code scenario search}, or null
 * @param model         a direction model to train before the tested range and run in every decision, or null
 */
public record ScenarioSpec(String name, String description, Path baseDirectory, List<MarketFeed> market,
                           Instant from, Instant to, int windowBars, AccountSpec account, RulesSpec rules,
                           FillSpec fills, ExitSpec exits, boolean strategies,
                           List<ClientSpec> clients, List<Expectation> expectations, StressSpec stress,
                           SearchSpec search, ModelSpec model) {

    public ScenarioSpec {
        market = List.copyOf(market);
        clients = List.copyOf(clients);
        expectations = List.copyOf(expectations);
        stress = stress == null ? StressSpec.NONE : stress;
    }

    public ScenarioSpec withRules(RulesSpec other) {
        return new ScenarioSpec(name, description, baseDirectory, market, from, to, windowBars, account, other, fills,
                exits, strategies, clients, expectations, stress, search, model);
    }

    public ScenarioSpec withRange(Instant start, Instant end) {
        return new ScenarioSpec(name, description, baseDirectory, market, start, end, windowBars, account, rules, fills,
                exits, strategies, clients, expectations, stress, search, model);
    }

    /** The same scenario for another account: what a run of several accounts on the same data is made of. */
    public ScenarioSpec forAccount(String accountId) {
        return new ScenarioSpec(name, description, baseDirectory, market, from, to, windowBars,
                new AccountSpec(accountId, account.startingCash()), rules, fills, exits, strategies, clients,
                expectations, stress, search, model);
    }

    public ScenarioSpec named(String other) {
        return new ScenarioSpec(other, description, baseDirectory, market, from, to, windowBars, account, rules, fills,
                exits, strategies, clients, expectations, stress, search, model);
    }
}
