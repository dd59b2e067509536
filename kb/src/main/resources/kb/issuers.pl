% Arbiter knowledge base: issuers, ownership and restricted issuers.
%
% issued_by(Asset, Issuer): the legal entity behind an asset. Assets without an issuer (btc, eth, ...)
% have none here.
issued_by(usdc, 'Circle Internet Financial').
issued_by(usdt, 'Tether Limited').
issued_by(ftt, 'FTX Trading Ltd').

% owns(Owner, Owned, Share): Owner holds Share (0..1) of Owned. More than half is control; control is
% followed through chains, so a restriction on a parent reaches every entity it controls.
owns('Tether Holdings Limited', 'Tether Limited', 1.0).

% restricted_issuer(Issuer, Since, Reason): no trading in anything the issuer or an entity it controls
% issues, from Since (an ISO date, YYYY-MM-DD) on.
restricted_issuer('FTX Trading Ltd', '2022-11-11', 'Chapter 11 bankruptcy filing').
