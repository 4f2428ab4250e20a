-- crisis: compensation (per customer or for a segment) with approval and delivery, and callbacks (回访) after resolution.
create table crisis_compensations (
    id           bigserial primary key,
    crisis_id    bigint        not null references crises (id),
    customer_id  bigint,
    segment      varchar(200),
    kind         varchar(16)   not null,
    amount       numeric(12, 2) not null check (amount >= 0),
    reason       text          not null,
    status       varchar(16)   not null,
    proposed_by  varchar(64)   not null,
    decided_by   varchar(64),
    created_at   timestamptz   not null,
    decided_at   timestamptz,
    delivered_at timestamptz,
    note         text,
    check (customer_id is not null or segment is not null)
);
create index crisis_compensations_by_crisis on crisis_compensations (crisis_id, id);

create table crisis_callbacks (
    id          bigserial primary key,
    crisis_id   bigint      not null references crises (id),
    customer_id bigint      not null,
    ticket_id   bigint,
    assignee    varchar(64),
    status      varchar(16) not null,
    outcome     varchar(32),
    note        text,
    created_at  timestamptz not null,
    done_at     timestamptz
);
create index crisis_callbacks_by_crisis on crisis_callbacks (crisis_id, id);
