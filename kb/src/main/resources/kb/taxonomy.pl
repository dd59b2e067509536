% Arbiter knowledge base: asset taxonomy and correlation clusters.
%
% Reference knowledge shipped with Arbiter and editable by risk officers: a rule pack may carry a kb/
% directory whose files replace the shipped file of the same name or add to the knowledge base
% (docs/reasoning.md). Atoms in single quotes; no escape sequences (the reader takes them literally).
%
% instrument_asset(Symbol, BaseAsset, QuoteAsset): what an instrument trades.
instrument_asset('BTC-USD', btc, usd).
instrument_asset('ETH-USD', eth, usd).
instrument_asset('LTC-USD', ltc, usd).
instrument_asset('BCH-USD', bch, usd).
instrument_asset('SOL-USD', sol, usd).
instrument_asset('ADA-USD', ada, usd).
instrument_asset('DOT-USD', dot, usd).
instrument_asset('AVAX-USD', avax, usd).
instrument_asset('NEAR-USD', near, usd).
instrument_asset('XTZ-USD', xtz, usd).
instrument_asset('LINK-USD', link, usd).
instrument_asset('XRP-USD', xrp, usd).
instrument_asset('DOGE-USD', doge, usd).
instrument_asset('USDC-USD', usdc, usd).
instrument_asset('USDT-USD', usdt, usd).
instrument_asset('FTT-USD', ftt, usd).

% An instrument's sector is defined in the rule pack's instruments.json, the one definition the solver's and
% the proof's sector caps group by; the knowledge base keeps no second copy of it.

% cluster(Asset, Cluster): assets whose returns move together share one exposure budget.
cluster(btc, majors).
cluster(eth, majors).
cluster(ltc, legacy_payments).
cluster(bch, legacy_payments).
cluster(xrp, legacy_payments).
cluster(sol, alt_layer1).
cluster(ada, alt_layer1).
cluster(dot, alt_layer1).
cluster(avax, alt_layer1).
cluster(near, alt_layer1).
cluster(xtz, alt_layer1).
cluster(link, defi).
cluster(doge, memes).
cluster(usdc, stablecoins).
cluster(usdt, stablecoins).
cluster(ftt, exchange_tokens).
