-- inbox: tickets. Messages, history, tags, views, links are in the following inbox migrations (V401...);
-- SLA policies and calendars in V450.... The sla_* columns are kept here so that the views
-- (at risk / breached) stay one indexed query at a million tickets.
create sequence ticket_number_seq start with 10001;

create table tickets (
    id                         bigserial primary key,
    number                     bigint       not null unique default nextval('ticket_number_seq'),
    subject                    varchar(500) not null,
    status                     varchar(16)  not null,
    priority                   varchar(16)  not null,
    channel                    varchar(16)  not null,
    customer_id                bigint       not null,
    requester_vip_tier         varchar(16)  not null default 'NONE', -- copy of the customer's tier, for views and SLA
    assignee_id                bigint,
    group_name                 varchar(64),
    tags                       text[]       not null default '{}',
    crisis_id                  bigint,                               -- opaque id owned by the crisis module
    merged_into_id             bigint references tickets (id),
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null,
    last_customer_message_at   timestamptz,
    last_agent_reply_at        timestamptz,
    first_responded_at         timestamptz,
    solved_at                  timestamptz,
    closed_at                  timestamptz,
    sla_policy_id              bigint,
    sla_first_response_due_at  timestamptz,
    sla_resolution_due_at      timestamptz,
    sla_paused_since           timestamptz,
    sla_state                  varchar(16)  not null default 'NONE', -- NONE, OK, AT_RISK, BREACHED
    sla_next_due_at            timestamptz,                          -- earliest target still running; drives scans and the SLA sort
    version                    int          not null default 0
);

create index tickets_by_updated on tickets (updated_at desc, id desc);
create index tickets_by_status_updated on tickets (status, updated_at desc, id desc);
create index tickets_by_assignee_updated on tickets (assignee_id, updated_at desc, id desc);
create index tickets_unassigned_updated on tickets (updated_at desc, id desc) where assignee_id is null and status in ('NEW', 'OPEN');
create index tickets_vip_updated on tickets (updated_at desc, id desc) where requester_vip_tier <> 'NONE';
create index tickets_by_customer on tickets (customer_id, created_at desc);
create index tickets_tags on tickets using gin (tags);
create index tickets_sla_running on tickets (sla_next_due_at) where sla_next_due_at is not null;
create index tickets_sla_state on tickets (sla_state, sla_next_due_at, id) where sla_state in ('AT_RISK', 'BREACHED');
create index tickets_by_crisis on tickets (crisis_id) where crisis_id is not null;
