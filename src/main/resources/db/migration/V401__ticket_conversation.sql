-- inbox: the conversation of a ticket (its own append-only aggregate), the history of every change, links
-- between tickets, the extra fields of web-form tickets, and the indexes the inbox views need.

-- Subject search (ILIKE '%...%') uses trigrams; pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- database owner may create it without superuser rights.
create extension if not exists pg_trgm;

create table ticket_messages (
    id                  bigserial primary key,
    ticket_id           bigint       not null references tickets (id),
    kind                varchar(16)  not null,            -- CUSTOMER, REPLY, NOTE, PHONE, SYSTEM
    author_user_id      bigint,                           -- agent who wrote it (REPLY, NOTE, PHONE)
    author_customer_id  bigint,                           -- customer who wrote it (CUSTOMER)
    body_text           text         not null,
    body_html           text,                             -- sanitised upstream (channels) or built from text
    channel             varchar(16),
    email_message_id    varchar(998),                     -- Message-ID of the mail this message is or was sent as
    in_reply_to         varchar(998),
    email_references    text,                             -- References chain, space separated
    attachment_ids      bigint[]     not null default '{}',
    delivery_status     varchar(16),                      -- outgoing replies: QUEUED, SENT, FAILED
    delivery_error      text,
    inbound_message_id  bigint unique,                    -- channels' id; makes intake idempotent
    script_refs         text,                             -- opaque ids of the scripts used (filled by the scripts module's JS)
    call_caller         varchar(200),                     -- PHONE: who called
    call_outcome        varchar(32),                      -- PHONE: RESOLVED, CALLBACK_NEEDED, ESCALATED, NO_ANSWER, INFO
    created_at          timestamptz  not null
);
create index ticket_messages_by_ticket on ticket_messages (ticket_id, created_at, id);
create index ticket_messages_by_email_id on ticket_messages (email_message_id) where email_message_id is not null;

create table ticket_history (
    id         bigserial primary key,
    ticket_id  bigint       not null references tickets (id),
    actor      varchar(64)  not null,
    field      varchar(32)  not null,                     -- status, priority, assignee, group, tags, merged_into, link...
    old_value  text,
    new_value  text,
    at         timestamptz  not null
);
create index ticket_history_by_ticket on ticket_history (ticket_id, at, id);

-- Stored in both directions so that either side finds its links with one index scan.
create table ticket_links (
    ticket_id         bigint      not null references tickets (id),
    linked_ticket_id  bigint      not null references tickets (id),
    kind              varchar(16) not null,               -- RELATED, FOLLOW_UP_OF, FOLLOWED_UP_BY
    created_by        varchar(64) not null,
    created_at        timestamptz not null,
    primary key (ticket_id, linked_ticket_id)
);

-- Web-form fields (order_no, phone...) shown on the ticket.
create table ticket_fields (
    ticket_id  bigint       not null references tickets (id),
    name       varchar(64)  not null,
    value      varchar(1000) not null,
    primary key (ticket_id, name)
);

-- Views. "mine" and "vip" only show tickets that still need work.
create index tickets_mine_active on tickets (assignee_id, updated_at desc, id desc) where status not in ('SOLVED', 'CLOSED');
create index tickets_vip_active on tickets (updated_at desc, id desc) where requester_vip_tier <> 'NONE' and status not in ('SOLVED', 'CLOSED');
-- Sort orders other than "updated".
create index tickets_by_created on tickets (created_at desc, id desc);
create index tickets_by_priority on tickets ((case priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end) desc, updated_at desc, id desc);
create index tickets_by_sla_due on tickets ((coalesce(sla_next_due_at, timestamptz '9999-12-31 00:00:00+00')), id);
-- Text query on the subject.
create index tickets_subject_trgm on tickets using gin (subject gin_trgm_ops);

-- The mailbox a customer wrote to; the reply goes out from the same one.
alter table ticket_messages add column mailbox_id bigint;

-- Names of the files attached to messages (the bytes stay with channels.Attachments), for the conversation view.
create table ticket_attachments (
    attachment_id  bigint primary key,
    filename       varchar(255) not null,
    content_type   varchar(128),
    size           bigint not null default 0
);

-- The SLA views sorted by the nearest target (their default order).
create index tickets_sla_breached_due on tickets ((coalesce(sla_next_due_at, timestamptz '9999-12-31 00:00:00+00')), id)
    where sla_state = 'BREACHED' and status not in ('SOLVED', 'CLOSED');
create index tickets_sla_at_risk_due on tickets ((coalesce(sla_next_due_at, timestamptz '9999-12-31 00:00:00+00')), id)
    where sla_state = 'AT_RISK' and status not in ('SOLVED', 'CLOSED');
