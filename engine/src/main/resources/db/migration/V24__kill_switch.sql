-- Officers engaging or releasing an account's or the desk's kill switch, each an audit record.
create table kill_switch_change (
    change_id  bigint        primary key,
    scope      varchar(16)   not null,
    target     varchar(200)  not null,
    engaged    varchar(5)    not null,
    reason     varchar(1000) not null,
    actor      varchar(200)  not null,
    changed_at varchar(40)   not null
);
