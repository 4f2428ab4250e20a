-- notifications: status-page subscriptions are anonymous, so they are limited per client address (hashed) and per
-- subscriber: at most one pending confirmation mail per address, sent again only after a while.
alter table notification_subscribers add column confirmation_sent_at timestamptz;

create table subscription_requests (
    id          bigserial primary key,
    client_key  char(64)     not null,
    at          timestamptz  not null
);
create index subscription_requests_by_client on subscription_requests (client_key, at);
