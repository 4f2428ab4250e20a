-- knowledge: categories, articles (current state + append-only versions), crisis source-of-truth pages,
-- help-center banners and article callouts.
create table kb_categories (
    id        bigserial primary key,
    parent_id bigint references kb_categories (id),
    slug      varchar(80)  not null unique,
    name_zh   varchar(120) not null,
    name_en   varchar(120) not null,
    position  int          not null default 0,
    version   int          not null default 0
);

create table kb_articles (
    id                bigserial primary key,
    slug              varchar(160) not null unique,
    title             varchar(300) not null,
    summary           varchar(1000),
    body              text         not null,
    category_id       bigint references kb_categories (id),
    language          varchar(8)   not null,
    visibility        varchar(16)  not null,
    owner             varchar(64)  not null,
    review_due        date,
    current_version   int          not null,
    published_version int,
    published_title   varchar(300),
    published_summary varchar(1000),
    published_body    text,
    published_at      timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(64)  not null,
    view_count        bigint       not null default 0,
    helpful_yes       int          not null default 0,
    helpful_no        int          not null default 0,
    version           int          not null default 0
);
create index kb_articles_public_idx on kb_articles (visibility, language) where published_version is not null;
create index kb_articles_review_idx on kb_articles (review_due);

create table kb_article_tags (
    article_id bigint      not null references kb_articles (id) on delete cascade,
    tag        varchar(60) not null,
    primary key (article_id, tag)
);

create table kb_article_versions (
    id         bigserial primary key,
    article_id bigint       not null references kb_articles (id) on delete cascade,
    number     int          not null,
    title      varchar(300) not null,
    summary    varchar(1000),
    body       text         not null,
    author     varchar(64)  not null,
    note       varchar(300),
    created_at timestamptz  not null,
    unique (article_id, number)
);

create table kb_truth_pages (
    id                 bigserial primary key,
    crisis_id          bigint       not null unique,
    title              varchar(300) not null,
    impact_business    text,
    impact_customers   text,
    decision_rights    text,
    approved_language  text,
    next_update_due_at timestamptz,
    current_version    int          not null default 0,
    updated_at         timestamptz  not null,
    updated_by         varchar(64)  not null,
    version            int          not null default 0
);

create table kb_truth_decisions (
    page_id    bigint       not null references kb_truth_pages (id) on delete cascade,
    position   int          not null,
    decided_on date         not null,
    topic      varchar(120) not null,
    text       text         not null,
    primary key (page_id, position)
);

create table kb_truth_editors (
    page_id  bigint      not null references kb_truth_pages (id) on delete cascade,
    username varchar(64) not null,
    primary key (page_id, username)
);

create table kb_truth_versions (
    id         bigserial primary key,
    page_id    bigint      not null references kb_truth_pages (id) on delete cascade,
    number     int         not null,
    snapshot   text        not null,
    author     varchar(64) not null,
    created_at timestamptz not null,
    unique (page_id, number)
);

create table kb_truth_subscriptions (
    crisis_id bigint      not null,
    username  varchar(64) not null,
    since     timestamptz not null,
    primary key (crisis_id, username)
);

create table kb_help_banners (
    crisis_id bigint       primary key,
    title     varchar(300) not null,
    link      varchar(500) not null,
    shown_at  timestamptz  not null
);

create table kb_callouts (
    id         bigserial primary key,
    crisis_id  bigint        not null,
    article_id bigint        not null references kb_articles (id) on delete cascade,
    text       varchar(1000) not null,
    link       varchar(500)  not null,
    created_at timestamptz   not null,
    unique (crisis_id, article_id)
);
create index kb_callouts_article_idx on kb_callouts (article_id);
