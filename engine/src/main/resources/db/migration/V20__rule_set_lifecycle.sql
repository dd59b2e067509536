-- The rule-set lifecycle: candidates uploaded by risk officers, and each step taken on them.

-- A candidate release as stored: the whole pack (rules, tests, limits, parameters), its checks, impact and
-- lifecycle state, as one JSON document; status and author are columns so lists need not parse it.
create table rule_set_candidate (
    candidate_id   varchar(40)  primary key,
    seq            bigint       not null unique,
    status         varchar(24)  not null,
    author         varchar(200) not null,
    candidate_json text         not null
);

-- Upload, approval, activation, rollback: each an audit record. candidate_sha256 vouches for the pack's files
-- as they were when the step was taken.
create table rule_set_step (
    step_id          bigint       primary key,
    candidate_id     varchar(40)  not null references rule_set_candidate (candidate_id),
    step             varchar(24)  not null,
    actor            varchar(200) not null,
    taken_at         varchar(40)  not null,
    release_key      varchar(200) not null,
    candidate_sha256 varchar(64)  not null
);
