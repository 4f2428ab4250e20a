-- crisis: the written sections of a crisis review (复盘); the figures are computed afresh from the records each time.
create table crisis_review_notes (
    crisis_id        bigint      primary key references crises (id),
    what_worked      text        not null default '',
    what_was_missing text        not null default '',
    updated_by       varchar(64) not null,
    updated_at       timestamptz not null
);

-- Action items with their owner (a person or a department), in the order they were written.
create table crisis_review_actions (
    crisis_id bigint        not null references crises (id),
    position  int           not null,
    action    varchar(1000) not null,
    owner     varchar(100)  not null,
    due       date,
    primary key (crisis_id, position)
);
