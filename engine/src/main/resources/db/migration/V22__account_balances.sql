-- Fills may carry a fee; an account's balances, once a trading system has set them, move with its fills.
alter table fill add column fee numeric(38, 18) default 0 not null;

create table account_state (
    account_id      varchar(200)    primary key,
    equity          numeric(38, 18) not null,
    free_balance    numeric(38, 18) not null,
    high_water_mark numeric(38, 18) not null,
    daily_pnl       numeric(38, 18) not null,
    state           varchar(16)     not null,
    updated_at      varchar(40)     not null
);
