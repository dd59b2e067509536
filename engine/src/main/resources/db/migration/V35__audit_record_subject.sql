-- Finding a stored row's audit record by what it vouches for: verification asks it of every decision and explanation
-- (none may be stored behind the chain), and without this index each question read the whole chain.
create index audit_record_subject on audit_record (kind, subject);
