% Arbiter knowledge base: what the engine derives before the rules run.
%
% instrument_restriction(+Symbol, +AsOf, -Chain): trading Symbol is restricted on AsOf (an ISO date),
% because of Chain, a list read from the asset to the restriction:
%   [asset(Symbol, Asset), issued_by(Asset, Issuer), controlled_by(Issuer, Parent, Share), ...,
%    restricted(Entity, Since, Reason)]
% venue_restriction(+Venue, +AsOf, -Chain): routing to Venue is restricted on AsOf:
%   [sanctioned(Venue, Since, Reason)] or [venue(Venue, J), restricted_jurisdiction(J, Since, Reason)]
% cluster_of(+Symbol, -Cluster): the correlation cluster of an instrument's base asset.

instrument_restriction(Symbol, AsOf, [asset(Symbol, Asset), issued_by(Asset, Issuer) | Rest]) :-
    instrument_asset(Symbol, Asset, _),
    issued_by(Asset, Issuer),
    issuer_restriction(Issuer, AsOf, 8, Rest).

% issuer_restriction(+Entity, +AsOf, +Depth, -Chain): the entity is restricted, or one that controls it
% is (at most Depth steps up, so that an ownership cycle ends).
issuer_restriction(Entity, AsOf, _, [restricted(Entity, Since, Reason)]) :-
    restricted_issuer(Entity, Since, Reason),
    Since @=< AsOf.
issuer_restriction(Entity, AsOf, Depth, [controlled_by(Entity, Parent, Share) | Rest]) :-
    Depth > 0,
    owns(Parent, Entity, Share),
    Share > 0.5,
    Down is Depth - 1,
    issuer_restriction(Parent, AsOf, Down, Rest).

venue_restriction(Venue, AsOf, [sanctioned(Venue, Since, Reason)]) :-
    sanctioned_venue(Venue, Since, Reason),
    Since @=< AsOf.
venue_restriction(Venue, AsOf, [venue(Venue, J), restricted_jurisdiction(J, Since, Reason)]) :-
    venue(Venue, J),
    restricted_jurisdiction(J, Since, Reason),
    Since @=< AsOf.

cluster_of(Symbol, Cluster) :-
    instrument_asset(Symbol, Asset, _),
    cluster(Asset, Cluster).
