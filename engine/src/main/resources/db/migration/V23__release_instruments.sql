-- A release carries the instruments the engine lists (instruments.json: venue, cluster, sector, tick and lot
-- sizes, notional bounds), stored whole like its limits so a replay rebuilds the release exactly. Releases
-- stored before stay without them (null): their key keeps its three parts.
alter table rule_release add column instruments_name varchar(200);
alter table rule_release add column instruments_version varchar(64);
alter table rule_release add column instruments_json text;
