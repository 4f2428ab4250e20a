-- channels: mailboxes, the raw inbound store (raw bytes first, parsed fields after, quarantine by status),
-- attachments, the outbound queue, the public contact form's rate limit and the outgoing-mail footer notices.

create table mailboxes (
    id              bigserial primary key,
    name            varchar(100) not null,
    address         varchar(256) not null,
    display_name    varchar(128),
    imap_host       varchar(256),
    imap_port       int          not null default 993,
    imap_ssl        boolean      not null default true,
    imap_username   varchar(256),
    imap_password   varchar(512),              -- never shown back in forms
    smtp_host       varchar(256),
    smtp_port       int          not null default 465,
    smtp_ssl        boolean      not null default true,
    smtp_starttls   boolean      not null default false,
    smtp_username   varchar(256),
    smtp_password   varchar(512),              -- never shown back in forms
    poll_seconds    int          not null default 60 check (poll_seconds >= 5),
    active          boolean      not null default false,
    is_default      boolean      not null default false,
    last_uid        bigint       not null default 0,
    uidvalidity     bigint,
    last_polled_at  timestamptz,
    last_error      text,
    created_at      timestamptz  not null default now(),
    version         int          not null default 0
);
-- at most one default mailbox (the sender of mail queued without a mailbox)
create unique index mailboxes_one_default on mailboxes (is_default) where is_default;

create table attachments (
    id            bigserial primary key,
    filename      varchar(500) not null,
    content_type  varchar(200) not null,
    size          bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    created_at    timestamptz  not null default now()
);

-- One row per message that came in. The raw bytes are written first, in their own transaction, and never changed;
-- the parsed columns are filled when status becomes PARSED.
create table inbound_messages (
    id              bigserial primary key,
    channel         varchar(16)  not null,
    mailbox_id      bigint references mailboxes (id),
    source_uid      bigint,
    raw             bytea        not null,
    raw_size        int          not null,
    status          varchar(16)  not null,  -- RECEIVED, PARSED, QUARANTINED, DISCARDED
    error           text,
    parse_attempts  int          not null default 0,
    received_at     timestamptz  not null,
    parsed_at       timestamptz,
    reference       varchar(32)  unique,     -- shown to web-form senders
    message_id      varchar(998),            -- with angle brackets, as on the wire
    in_reply_to     varchar(998),
    refs            text[]       not null default '{}',
    from_address    varchar(320),
    from_name       varchar(256),
    to_address      varchar(320),
    subject         text,
    text_body       text,
    sanitized_html  text,
    attachment_ids  bigint[]     not null default '{}',
    notes           text,                    -- e.g. attachments refused for their size
    fields          jsonb        not null default '{}',
    discarded_by    varchar(64),
    discarded_at    timestamptz
);
-- de-duplication: a Message-ID is stored once per mailbox
create unique index inbound_messages_message_id on inbound_messages (mailbox_id, message_id) where message_id is not null;
create index inbound_messages_by_status on inbound_messages (status, id desc);

create table outbound_messages (
    id               bigserial primary key,
    mailbox_id       bigint references mailboxes (id),
    message_id       varchar(998) not null unique,
    to_address       varchar(320) not null,
    to_name          varchar(256),
    subject          text         not null,
    text_body        text         not null,
    html_body        text,
    in_reply_to      varchar(998),
    refs             text[]       not null default '{}',
    attachment_ids   bigint[]     not null default '{}',
    correlation      varchar(200),
    status           varchar(16)  not null,  -- QUEUED, SENT, FAILED
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_at       timestamptz  not null,
    sent_at          timestamptz
);
create index outbound_messages_due on outbound_messages (next_attempt_at, id) where status = 'QUEUED';

-- one row per contact-form submission, by a hash of the client address; counted for the rate limit, pruned daily
create table contact_form_submissions (
    id          bigserial primary key,
    client_key  char(64)     not null,
    at          timestamptz  not null,
    outcome     varchar(16)  not null      -- ACCEPTED, SPAM
);
create index contact_form_submissions_by_client on contact_form_submissions (client_key, at);

-- secrets generated once and shared by every node (e.g. the key signing the contact form's start time)
create table channel_secrets (
    name   varchar(64) primary key,
    value  varchar(200) not null
);

create table mail_footer_notices (
    notice_key  varchar(100) primary key,
    text        text         not null,
    url         varchar(1000),
    updated_at  timestamptz  not null
);
