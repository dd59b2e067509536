-- A decision's explanation, worked out after the decision was acknowledged, and stored with its own audit record
-- (kind EXPLANATION) that covers these columns. trace_sha256 is the SHA-256 of the decision's stored trace_json the
-- explanation was worked out from, binding the two. No foreign key to decision: like every audited row, the chain
-- vouches for it, and verification names a decision deleted behind its explanation's back.
create table decision_explanation (
    decision_id       varchar(80) primary key,
    trace_sha256      varchar(64) not null,
    explanations_json text        not null,
    explained_at      varchar(40) not null
);

-- Decisions acknowledged but not yet explained: written in the decision's transaction, deleted in the explanation's.
-- A work list, not evidence (the audit chain vouches for the decision and the explanation themselves): what a restart
-- finds here it explains.
create table explanation_pending (
    decision_id varchar(80) primary key
);
