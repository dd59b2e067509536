-- The model lifecycle: registered models proposed by risk officers for a symbol and a purpose, and each step taken.

-- A candidate as stored: the artifact it names (with its hashes), its validation report, what the quality bar found
-- and its lifecycle state, as one JSON document; status and author are columns so lists need not parse it.
create table model_candidate (
    candidate_id   varchar(40)  primary key,
    seq            bigint       not null unique,
    status         varchar(24)  not null,
    author         varchar(200) not null,
    candidate_json text         not null
);

-- Proposal (or refusal at the quality bar), approval, activation, retirement, rollback, shadow: each an audit record.
-- candidate_sha256 vouches for the candidate as it was when the step was taken.
create table model_step (
    step_id          bigint       primary key,
    candidate_id     varchar(40)  not null references model_candidate (candidate_id),
    step             varchar(24)  not null,
    actor            varchar(200) not null,
    taken_at         varchar(40)  not null,
    model            varchar(64)  not null,
    model_version    varchar(64)  not null,
    symbol           varchar(64)  not null,
    purpose          varchar(32)  not null,
    candidate_sha256 varchar(64)  not null
);
