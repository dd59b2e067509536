-- The engine's event journal: what every account's, instrument's and the desk's state is the fold of.
-- Append-only; a row is written (autocommit) before the event it holds is applied or acknowledged.
-- Payloads are the events' JSON (type id included). Events are kept in the row (varchar, up to 10 million
-- characters, more than a request body may hold; H2 would keep a CLOB outside the row, a second write per
-- event); snapshots may be larger, so TEXT (a CLOB in H2, unbounded text in PostgreSQL). Positions count from
-- 1 in each stream.

-- Account events in journal order. event_key is the idempotency key (a fill id, a transfer id) or null;
-- an account's journal holds each key once (nulls do not collide). recorded_seq is the order rows were
-- written across all accounts.
create table account_event (
    account_id       varchar(200) not null,
    journal_position bigint       not null,
    event_key        varchar(200),
    event_type       varchar(32)  not null,
    payload          varchar(10000000) not null,
    recorded_seq     bigint       generated always as identity,
    primary key (account_id, journal_position),
    constraint account_event_key unique (account_id, event_key)
);

-- Each instrument's market data, bar by bar.
create table market_event (
    symbol           varchar(200) not null,
    journal_position bigint       not null,
    payload          varchar(10000000) not null,
    primary key (symbol, journal_position)
);

-- Officers' actions on instruments and on the whole desk.
create table desk_event (
    journal_position bigint primary key,
    payload          varchar(10000000) not null
);

-- An account's state at a position of its journal, with the hash of its canonical JSON. Every snapshot is
-- kept (one per snapshot interval): a restart starts from the newest whose hash verifies, and an auditor
-- can check any of them against the fold of the events before it.
create table account_snapshot (
    account_id       varchar(200) not null,
    journal_position bigint       not null,
    state_hash       varchar(64)  not null,
    payload          text         not null,
    primary key (account_id, journal_position)
);
