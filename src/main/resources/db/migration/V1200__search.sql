-- search: admin-editable synonyms (applied at query time), questions without an answer, the last index rebuild per kind.
create table search_synonyms (
    id          bigserial primary key,
    terms       text         not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(64)  not null
);

-- One row per distinct (normalised) question and audience; asking again counts up and reopens a resolved row.
create table search_gaps (
    id            bigserial primary key,
    query_text    varchar(200) not null,
    public_search boolean      not null,
    kinds         varchar(200) not null,
    asked_count   int          not null default 1,
    first_asked   timestamptz  not null,
    last_asked    timestamptz  not null,
    resolved_at   timestamptz,
    resolved_by   varchar(64),
    unique (query_text, public_search)
);
create index search_gaps_open_by_last_asked on search_gaps (last_asked desc, id desc) where resolved_at is null;
create index search_gaps_open_by_count on search_gaps (asked_count desc, id desc) where resolved_at is null;

create table search_rebuilds (
    kind         varchar(32)  primary key,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    total        bigint       not null,
    done         bigint       not null,
    status       varchar(16)  not null,
    error        text,
    started_by   varchar(64)  not null
);
