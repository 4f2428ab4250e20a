-- notifications (public part): email subscribers with double opt-in, webhook notifiers (SMS or app push gateways),
-- and one delivery row per notice and recipient so that retries and failures are visible.
create table notification_signing_key (
    id     int primary key check (id = 1),
    secret varchar(128) not null
);
insert into notification_signing_key (id, secret)
values (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text));

create table notification_subscribers (
    id              bigserial primary key,
    email           varchar(254) not null,
    language        varchar(8)   not null,
    created_at      timestamptz  not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz
);
create unique index notification_subscribers_email on notification_subscribers (lower(email));

create table notification_webhooks (
    id         bigserial primary key,
    name       varchar(100) not null,
    url        varchar(500) not null,
    secret     varchar(128) not null,
    active     boolean      not null default true,
    created_at timestamptz  not null
);

create table notification_deliveries (
    id              bigserial primary key,
    notice_ref      varchar(100) not null,
    channel         varchar(16)  not null,  -- EMAIL, WEBHOOK
    subscriber_id   bigint references notification_subscribers (id),
    webhook_id      bigint references notification_webhooks (id),
    subject         text         not null,
    body            text         not null,
    status          varchar(16)  not null,  -- QUEUED, SENT, FAILED
    attempts        int          not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create index notification_deliveries_due on notification_deliveries (next_attempt_at) where status = 'QUEUED' and channel = 'WEBHOOK';
create index notification_deliveries_failed on notification_deliveries (id desc) where status = 'FAILED';
create index notification_deliveries_by_notice on notification_deliveries (notice_ref, id);
