-- Challengers in shadow: what each decided for a stored decision, compared with the champion's, never acted on.
-- Each row is an audit record (kind SHADOW_DECISION) covering every column. shadow_id is the decision id and the
-- challenger id, one row per pair. changed is 1 when the challenger's decision differs, 0 when not (an integer, like
-- every audited column, so the row reads back the same on H2 and PostgreSQL). decided_at is the decision's time (its
-- asOf), what reports select a period by.
create table shadow_decision (
    shadow_id              varchar(300) primary key,
    decision_id            varchar(80)  not null,
    challenger_id          varchar(200) not null,
    challenger_kind        varchar(24)  not null,
    changed                integer      not null,
    differences_json       text         not null,
    responsible_json       text         not null,
    shadow_decision_json   text         not null,
    model_predictions_json text         not null,
    proposals_json         text         not null,
    decided_at             varchar(40)  not null
);

create index shadow_decision_by_challenger on shadow_decision (challenger_id, decided_at);
