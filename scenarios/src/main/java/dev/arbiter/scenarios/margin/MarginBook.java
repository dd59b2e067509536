package dev.arbiter.scenarios.margin;

import dev.arbiter.kb.margin.BookRisk;
import dev.arbiter.kb.margin.Holding;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.Mark;
import dev.arbiter.kb.state.PositionState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's account as a margin account, measured by the kb's margin model. The engine books a perpetual's fill as
 * it books spot (cash moves by the fill's value, the position carries its average entry), so its cash is the
 * venue's wallet balance less what the perpetual positions cost at entry: wallet = cash + &Sigma; quantity &times;
 * entry over the perpetuals. Equity comes out the same either way; margin, unrealised P&amp;L, margin ratio and
 * liquidation prices are {@link BookRisk}'s. Each position is margined as the account set it, cross unless set
 * otherwise (one-way mode).
 */
public final class MarginBook {

    private MarginBook() {
    }

    /**
     * @param marks prices that replace the account's marks (e.g. a bar's low, to measure a long there)
     */
    public static BookRisk measure(AccountState state, Contracts contracts, Map<String, BigDecimal> marks) {
        BigDecimal wallet = walletBalance(state, contracts);
        List<Holding> holdings = new ArrayList<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        for (PositionState p : state.positions()) {
            holdings.add(new Holding(p.symbol(), p.quantity(), p.averagePrice(), state.marginMode(p.symbol())));
            prices.put(p.symbol(), state.mark(p.symbol()).map(Mark::price).orElse(p.averagePrice()));
        }
        prices.putAll(marks);
        return BookRisk.measure(wallet, holdings, List.of(), prices, contracts::listing);
    }

    /** What backs the perpetuals: cash with the perpetual positions' entry cost put back. */
    public static BigDecimal walletBalance(AccountState state, Contracts contracts) {
        BigDecimal wallet = state.cash();
        for (PositionState p : state.positions()) {
            if (contracts.perpetual(p.symbol())) {
                wallet = wallet.add(p.quantity().multiply(p.averagePrice()).multiply(contracts.terms(p.symbol()).contractSize()));
            }
        }
        return wallet;
    }
}
