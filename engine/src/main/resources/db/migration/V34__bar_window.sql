-- The bars a stored trace's market data carries, stored once under the SHA-256 of their canonical JSON however many
-- decisions saw them; the trace names the window instead of repeating it. The decision's audit record covers the name,
-- and verification recomputes each named window's hash. Never updated or deleted.
create table bar_window (
    window_sha256 varchar(64) primary key,
    bars_json     text        not null
);
