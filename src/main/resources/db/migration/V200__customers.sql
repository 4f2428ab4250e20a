-- customers: profiles, their contact points and external ids. Contact points are unique across customers
-- (one email or phone number identifies one customer), compared by a normalised lookup key: the lower-cased
-- email, or the phone's digits with separators and the +86/0086 prefix of Chinese mobiles removed.
create table customers (
    id              bigserial primary key,
    name            varchar(200) not null,
    vip_tier        varchar(16)  not null default 'NONE',
    account_manager varchar(64),                          -- a username from identity
    notes           text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         int          not null default 0
);
create index customers_vip on customers (vip_tier, id desc) where vip_tier <> 'NONE';

create table customer_contacts (
    customer_id bigint       not null references customers (id) on delete cascade,
    position    int          not null,
    kind        varchar(8)   not null,                    -- EMAIL or PHONE
    value       varchar(256) not null,                    -- as entered (trimmed)
    lookup      varchar(256) not null,                    -- normalised key for identification and search
    primary key (customer_id, position),
    constraint customer_contacts_unique unique (kind, lookup)
);
-- search looks contacts up by their key alone, whatever the kind
create index customer_contacts_by_lookup on customer_contacts (lookup);

create table customer_external_ids (
    customer_id bigint       not null references customers (id) on delete cascade,
    position    int          not null,
    system      varchar(32)  not null,                    -- e.g. shop, crm, app
    value       varchar(128) not null,
    primary key (customer_id, position),
    constraint customer_external_ids_unique unique (system, value)
);
create index customer_external_ids_by_value on customer_external_ids (lower(value));
