package dev.arbiter.engine.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.state.MarginSetting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state risk controls need beyond one request: trading states set by risk officers, restricted
 * lists, model monitoring, the account's recent order activity and losses, its margin, the kill
 * switch, and regimes or anomalies detected upstream. Every part is optional. Until the service keeps
 * this state itself, the caller supplies it; either way it reaches the rules as explicit facts.
 *
 * @param marginModes the instruments the account margins otherwise than cross: the margin model reads them (the
 *                    isolated positions' liquidation prices); left out of the JSON when there are none, so requests
 *                    recorded before margin modes existed replay unchanged
 */
public record RiskContext(List<TradingControl> tradingControls, List<Restriction> restrictions,
                          List<ModelHealth> modelHealth, List<Regime> regimes, List<Anomaly> anomalies,
                          OrderActivity activity, LossHistory lossHistory, Margin margin, KillSwitch killSwitch,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MarginSetting> marginModes) {

    public static final RiskContext NONE = new RiskContext(null, null, null, null, null, null, null, null, null, null);

    public RiskContext {
        tradingControls = tradingControls == null ? List.of() : List.copyOf(tradingControls);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        modelHealth = modelHealth == null ? List.of() : List.copyOf(modelHealth);
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        marginModes = marginModes == null ? List.of() : List.copyOf(marginModes);
    }

    /** How the account margins its position in {@code symbol}: as the context says, else cross. */
    public MarginMode marginMode(String symbol) {
        return marginModes.stream().filter(m -> m.symbol().equals(symbol)).map(MarginSetting::mode).findFirst()
                .orElse(MarginMode.CROSS);
    }

    /** Checks that the context speaks of the request's account and instruments. */
    void requireConsistent(Account account, Set<String> symbols) {
        for (int i = 0; i < tradingControls.size(); i++) {
            TradingControl control = tradingControls.get(i);
            String field = "context.tradingControls[" + i + "].target";
            if (control.scope() == HaltScope.ACCOUNT && !control.target().equals(account.accountId())) {
                throw new InvalidRequestException(field, "'" + control.target() + "'",
                        "the request's account '" + account.accountId() + "' for an ACCOUNT control");
            }
            if (control.scope() == HaltScope.INSTRUMENT && !symbols.contains(control.target())) {
                throw new InvalidRequestException(field, "'" + control.target() + "'",
                        "a symbol listed in instruments " + symbols.stream().sorted().toList());
            }
        }
        for (int i = 0; i < regimes.size(); i++) {
            requireKnown("context.regimes[" + i + "].symbol", regimes.get(i).symbol(), symbols);
        }
        for (int i = 0; i < anomalies.size(); i++) {
            requireKnown("context.anomalies[" + i + "].symbol", anomalies.get(i).symbol(), symbols);
        }
        Set<String> margined = new HashSet<>();
        for (int i = 0; i < marginModes.size(); i++) {
            MarginSetting setting = marginModes.get(i);
            requireKnown("context.marginModes[" + i + "].symbol", setting.symbol(), symbols);
            if (!margined.add(setting.symbol())) {
                throw new InvalidRequestException("context.marginModes[" + i + "].symbol", "'" + setting.symbol() + "'",
                        "each symbol once");
            }
            if (setting.mode() == null) {
                throw new InvalidRequestException("context.marginModes[" + i + "].mode", "null",
                        "one of " + List.of(MarginMode.values()));
            }
        }
        requireAccount("context.activity.accountId", activity == null ? null : activity.accountId(), account);
        requireAccount("context.lossHistory.accountId", lossHistory == null ? null : lossHistory.accountId(), account);
        requireAccount("context.margin.accountId", margin == null ? null : margin.accountId(), account);
    }

    /** The context as facts for the rule session, in a fixed order. */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.addAll(tradingControls);
        facts.addAll(restrictions);
        facts.addAll(modelHealth);
        facts.addAll(regimes);
        facts.addAll(anomalies);
        java.util.stream.Stream.of(activity, lossHistory, margin, killSwitch).filter(Objects::nonNull).forEach(facts::add);
        return facts;
    }

    private static void requireKnown(String field, String symbol, Set<String> symbols) {
        if (!symbols.contains(symbol)) {
            throw new InvalidRequestException(field, "'" + symbol + "'", "a symbol listed in instruments "
                    + symbols.stream().sorted().toList());
        }
    }

    private static void requireAccount(String field, String accountId, Account account) {
        if (accountId != null && !accountId.equals(account.accountId())) {
            throw new InvalidRequestException(field, "'" + accountId + "'", "the request's account '" + account.accountId() + "'");
        }
    }
}
