-- Arbiter's store. Portable between H2 (the embedded default) and PostgreSQL.
-- Large JSON documents are TEXT (a CLOB in H2); amounts are NUMERIC so nothing is rounded.

-- A rule release: the rule files, limits and parameters a decision was made with, kept whole so a
-- replay can rebuild exactly that release.
create table rule_release (
    release_key        varchar(200) primary key,
    rule_set_name      varchar(200) not null,
    rule_set_version   varchar(64)  not null,
    rule_sources_json  text         not null,
    limits_name        varchar(200) not null,
    limits_version     varchar(64)  not null,
    limits_json        text         not null,
    parameters_name    varchar(200) not null,
    parameters_version varchar(64)  not null,
    parameters_json    text         not null
);

-- Activations of releases, in order; each is an audit record. Purpose: DECISION (the full cycle) or
-- CHECK (pre-trade checks: the same release without the strategy signal rules).
create table release_activation (
    activation_id bigint       primary key,
    purpose       varchar(16)  not null,
    release_key   varchar(200) not null references rule_release (release_key),
    actor         varchar(200) not null,
    activated_at  varchar(40)  not null
);

create table decision (
    decision_id     varchar(80)  primary key,
    account_id      varchar(200) not null,
    request_id      varchar(200) not null,
    kind            varchar(16)  not null,
    status          varchar(32)  not null,
    idempotency_key varchar(200),
    request_sha256  varchar(64),
    release_key     varchar(200) not null references rule_release (release_key),
    decided_at      varchar(40)  not null,
    decision_json   text         not null,
    trace_json      text         not null
);
create unique index decision_idempotency on decision (idempotency_key);
create index decision_account on decision (account_id);

-- Halt / reduce-only / resume for an account, an instrument or everything; the latest per target counts.
create table trading_state_change (
    change_id  bigint       primary key,
    scope      varchar(16)  not null,
    target     varchar(200) not null,
    state      varchar(16)  not null,
    reason     varchar(1000) not null,
    actor      varchar(200) not null,
    changed_at varchar(40)  not null
);

create table fill (
    fill_id    varchar(200) primary key,
    account_id varchar(200) not null,
    symbol     varchar(64)  not null,
    side       varchar(8)   not null,
    quantity   numeric(38, 18) not null,
    price      numeric(38, 18) not null,
    filled_at  varchar(40)  not null
);

-- The account's position per symbol, moved by fills.
create table account_position (
    account_id     varchar(200) not null,
    symbol         varchar(64)  not null,
    quantity       numeric(38, 18) not null,
    average_price  numeric(38, 18) not null,
    primary key (account_id, symbol)
);

create table bar (
    symbol         varchar(64) not null,
    period_seconds bigint      not null,
    open_time      varchar(40) not null,
    open_price     numeric(38, 18) not null,
    high_price     numeric(38, 18) not null,
    low_price      numeric(38, 18) not null,
    close_price    numeric(38, 18) not null,
    volume         numeric(38, 18) not null,
    primary key (symbol, period_seconds, open_time)
);

-- The tamper-evident chain: each record holds the hash of its subject's stored row and the previous
-- record's hash. Times are ISO-8601 text so that both databases hash the same bytes.
create table audit_record (
    seq          bigint       primary key,
    kind         varchar(32)  not null,
    subject      varchar(200) not null,
    recorded_at  varchar(40)  not null,
    payload_hash varchar(64)  not null,
    prev_hash    varchar(64)  not null,
    record_hash  varchar(64)  not null
);
