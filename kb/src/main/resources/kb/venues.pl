% Arbiter knowledge base: venues and jurisdictions.
%
% venue(Venue, Jurisdiction): where a venue is operated from (ISO 3166 alpha-2, lower case).
venue('binance-us', us).
venue(binance, ky).
venue(coinbase, us).
venue(kraken, us).
venue(bitstamp, lu).
venue(bitfinex, vg).
venue(gemini, us).
venue(bybit, ae).
venue(garantex, ru).

% sanctioned_venue(Venue, Since, Reason): no orders routed to the venue from Since on.
sanctioned_venue(garantex, '2022-04-05', 'OFAC SDN designation').

% restricted_jurisdiction(Jurisdiction, Since, Reason): no orders to venues operated from there.
% None shipped; risk officers add their own.
restricted_jurisdiction(none, '9999-12-31', 'placeholder, never in force').
