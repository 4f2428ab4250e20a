-- scripts (话术库): categories, scripts (current state), their append-only versions and reviews, usage,
-- extracted facts for the contradiction check, the admin-editable jargon list, crisis closures and imports.
create table script_categories (
    id        bigserial primary key,
    parent_id bigint references script_categories (id) on delete restrict,
    code      varchar(64)  not null unique,
    name_zh   varchar(100) not null,
    name_en   varchar(100) not null,
    position  int          not null default 0
);

insert into script_categories (code, name_zh, name_en, position) values
    ('order-status', '订单查询', 'Order status', 10),
    ('refund', '退款与售后', 'Refund and after-sales', 20),
    ('technical-fault', '技术故障', 'Technical fault', 30),
    ('complaint', '投诉处理', 'Complaint handling', 40),
    ('soothing', '情绪安抚', 'Emotional soothing', 50),
    ('transition', '过渡期公告', 'Transition announcements', 60),
    ('snippets', '回复片段', 'Reply snippets', 70);
insert into script_categories (parent_id, code, name_zh, name_en, position)
select id, c.code, c.zh, c.en, c.pos from script_categories p,
    (values ('greeting', '问候', 'Greeting', 1), ('empathy', '共情', 'Empathy', 2), ('next-steps', '后续步骤', 'Next steps', 3),
            ('sign-off', '结束语', 'Sign-off', 4)) as c (code, zh, en, pos)
where p.code = 'snippets';

-- The working copy of each script; agents see the approved version (script_versions) until a newer one is approved.
create table scripts (
    id               bigserial primary key,
    title            varchar(200) not null,
    category_id      bigint       not null references script_categories (id),
    language         varchar(8)   not null,
    body             text         not null,
    tags             varchar(500) not null default '',
    audience         varchar(16)  not null default 'ALL',
    segment          varchar(100),
    when_to_use      text,
    when_not_to_use  text,
    what_to_adapt    text,
    placeholders     text         not null default '',
    owner            varchar(64)  not null,
    crisis_id        bigint,
    expires_at       timestamptz,
    status           varchar(16)  not null,
    working_version  int          not null,
    approved_version int,
    author           varchar(64)  not null,
    pinyin_initials  varchar(200) not null default '',
    pinyin_full      varchar(1000) not null default '',
    kept_until       timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          int          not null default 0
);
create index scripts_by_status on scripts (status, id);
create index scripts_by_category on scripts (category_id, id);
create index scripts_by_crisis on scripts (crisis_id) where crisis_id is not null;
create index scripts_by_pinyin on scripts (pinyin_initials);

-- Append-only: one row per saved version; never updated.
create table script_versions (
    id              bigserial primary key,
    script_id       bigint       not null references scripts (id),
    version         int          not null,
    title           varchar(200) not null,
    category_id     bigint       not null,
    language        varchar(8)   not null,
    body            text         not null,
    tags            varchar(500) not null default '',
    audience        varchar(16)  not null,
    segment         varchar(100),
    when_to_use     text,
    when_not_to_use text,
    what_to_adapt   text,
    placeholders    text         not null default '',
    crisis_id       bigint,
    expires_at      timestamptz,
    author          varchar(64)  not null,
    created_at      timestamptz  not null,
    unique (script_id, version)
);

-- Append-only review decisions (submitted, approved, rejected, retired, kept).
create table script_reviews (
    id        bigserial primary key,
    script_id bigint      not null references scripts (id),
    version   int         not null,
    decision  varchar(16) not null,
    actor     varchar(64) not null,
    comment   text,
    at        timestamptz not null
);
create index script_reviews_by_script on script_reviews (script_id, id);

create table script_usages (
    id        bigserial primary key,
    script_id bigint      not null references scripts (id),
    version   int,
    ticket_id bigint,
    username  varchar(64) not null,
    topic     varchar(32),
    used_at   timestamptz not null
);
create index script_usages_by_script on script_usages (script_id, topic);
create index script_usages_by_ticket on script_usages (ticket_id);

-- Facts (topic, dimension, value) extracted from the approved version, for the contradiction check.
create table script_facts (
    script_id bigint      not null references scripts (id),
    topic     varchar(32) not null,
    dimension varchar(16) not null,
    value     varchar(64) not null,
    excerpt   varchar(300) not null
);
create index script_facts_by_topic on script_facts (topic, dimension);
create index script_facts_by_script on script_facts (script_id);

create table script_jargon (
    id         bigserial primary key,
    term       varchar(100) not null unique,
    suggestion varchar(200)
);
insert into script_jargon (term, suggestion) values
    ('SLA', '承诺时间 / the time we committed to'), ('工单流转', '转给同事处理'), ('二线', '技术同事'),
    ('P0', '严重故障 / a serious fault'), ('回滚', '恢复到之前的版本'), ('灰度', '分批上线'),
    ('L2', 'our technical team'), ('escalation queue', 'a senior colleague'), ('hotfix', 'a fix'),
    ('RMA', 'return'), ('backend', 'our system');

create table script_closed_crises (
    crisis_id bigint primary key,
    closed_at timestamptz not null
);

create table script_imports (
    id         bigserial primary key,
    filename   varchar(200) not null,
    content    bytea        not null,
    status     varchar(16)  not null,
    total      int          not null default 0,
    done       int          not null default 0,
    error      text,
    created_by varchar(64)  not null,
    created_at timestamptz  not null
);
