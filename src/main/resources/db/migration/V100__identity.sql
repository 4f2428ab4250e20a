-- identity: users, their roles, and the audit log. Migration numbers: each module owns a range of 100
-- (platform 1-99, identity 100-199, customers 200-299, channels 300-399, inbox 400-499, scripts 500-599,
-- knowledge 600-699, crisis 700-799, notifications 800-899, automation 900-999, workforce 1000-1099,
-- insights 1100-1199, search 1200-1299). Within a range: V<range>_<n>__what.sql, e.g. V101__api_tokens.sql.
create table users (
    id              bigserial primary key,
    username        varchar(64)  not null unique,
    display_name    varchar(128) not null,
    email           varchar(256),
    password_hash   varchar(200) not null,
    active          boolean      not null default true,
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now(),
    last_login_at   timestamptz,
    version         int          not null default 0
);

create table user_roles (
    user_id bigint      not null references users (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table audit_log (
    id       bigserial primary key,
    at       timestamptz  not null default now(),
    actor    varchar(64)  not null,
    action   varchar(64)  not null,
    target   varchar(200),
    details  text,
    remote   varchar(64)
);
create index audit_log_by_at on audit_log (at desc, id desc);
create index audit_log_by_actor on audit_log (actor, at desc);

-- API tokens: only a SHA-256 of the secret is kept; the prefix identifies a token in lists.
create table api_tokens (
    id           bigserial primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    name         varchar(100) not null,
    prefix       varchar(16)  not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_by_user on api_tokens (user_id);
