-- crisis: bulk replies to linked tickets (an approved script, personalised by placeholders), with progress and failures.
create table crisis_bulk_replies (
    id          bigserial primary key,
    crisis_id   bigint       not null references crises (id),
    script_id   bigint,
    body        text         not null,
    filter      varchar(16)  not null,
    total       int          not null,
    done        int          not null default 0,
    failed      int          not null default 0,
    status      varchar(16)  not null,
    started_by  varchar(64)  not null,
    started_at  timestamptz  not null,
    finished_at timestamptz
);
create index crisis_bulk_replies_by_crisis on crisis_bulk_replies (crisis_id, id desc);
create table crisis_bulk_reply_failures (
    id        bigserial primary key,
    job_id    bigint       not null references crisis_bulk_replies (id),
    ticket_id bigint       not null,
    rule      varchar(100),
    message   text
);
create index crisis_bulk_reply_failures_by_job on crisis_bulk_reply_failures (job_id, id);
