-- crisis: crisis events, grade history, linked tickets, the append-only timeline, the grading matrix,
-- the reporting chain with its notices, playbooks and cross-department tasks.
create table crises (
    id              bigserial primary key,
    type            varchar(32)  not null,
    title           varchar(200) not null,
    description     text         not null default '',
    status          varchar(16)  not null,
    grade           varchar(16),
    grade_score     int,
    products        text[]       not null default '{}',
    regions         text[]       not null default '{}',
    channels        text[]       not null default '{}',
    keywords        text[]       not null default '{}',
    reported_by     varchar(64)  not null,
    reported_at     timestamptz  not null,
    occurring_since timestamptz,
    lead_username   varchar(64),
    declared_at     timestamptz,
    resolved_at     timestamptz,
    closed_at       timestamptz,
    version         int          not null default 0
);
create index crises_by_status on crises (status, id desc);

-- Every grade a crisis had, computed or overridden (with the reason); small, so kept with the aggregate.
create table crisis_grade_changes (
    crisis_id  bigint      not null references crises (id),
    position   int         not null,
    grade      varchar(16) not null,
    score      int,
    overridden boolean     not null,
    reason     text,
    changed_by varchar(64) not null,
    changed_at timestamptz not null,
    primary key (crisis_id, position)
);

-- Tickets linked to a crisis (by hand, from the report, from a search, by keyword); the ticket itself is inbox's.
create table crisis_linked_tickets (
    crisis_id bigint      not null references crises (id),
    ticket_id bigint      not null,
    source    varchar(16) not null,
    linked_by varchar(64) not null,
    linked_at timestamptz not null,
    primary key (crisis_id, ticket_id)
);
create index crisis_linked_tickets_by_time on crisis_linked_tickets (crisis_id, linked_at);

-- Append-only: declarations, grades, reports, acknowledgements, tasks, updates, decisions, notes.
create table crisis_timeline (
    id        bigserial primary key,
    crisis_id bigint      not null references crises (id),
    at        timestamptz not null,
    author    varchar(64) not null,
    kind      varchar(32) not null,
    text      text        not null
);
create index crisis_timeline_by_crisis on crisis_timeline (crisis_id, id);

-- The grading matrix, tunable by admins: a factor's raw value reaches level 1, 2 or 3 at the thresholds;
-- the score is the weighted sum of levels; the grade follows from the score.
create table crisis_grading_factors (
    factor varchar(32) primary key,
    weight int         not null check (weight between 0 and 10),
    level1 bigint      not null,
    level2 bigint      not null,
    level3 bigint      not null,
    check (level1 <= level2 and level2 <= level3)
);
insert into crisis_grading_factors (factor, weight, level1, level2, level3) values
    ('NATURE', 3, 1, 2, 3),
    ('CUSTOMERS', 2, 100, 1000, 10000),
    ('REGIONS', 1, 2, 4, 8),
    ('FINANCIAL_LOSS', 2, 10000, 100000, 1000000),
    ('TREND', 1, 1, 2, 3),
    ('URGENCY', 2, 1, 2, 3),
    ('PUBLIC_ATTENTION', 2, 1, 2, 3);

create table crisis_grading_thresholds (
    id            int primary key check (id = 1),
    moderate_from int not null,
    major_from    int not null,
    check (0 < moderate_from and moderate_from < major_from)
);
insert into crisis_grading_thresholds (id, moderate_from, major_from) values (1, 10, 22);

-- The reporting chain: per grade, the levels told in order, and how long each has to acknowledge.
create table crisis_chain_levels (
    id                 bigserial primary key,
    grade              varchar(16) not null,
    level              int         not null,
    on_duty            varchar(64),
    usernames          text[]      not null default '{}',
    roles              text[]      not null default '{}',
    channels           text[]      not null default '{IN_APP}',
    ack_within_minutes int         not null check (ack_within_minutes > 0),
    unique (grade, level)
);
insert into crisis_chain_levels (grade, level, roles, channels, ack_within_minutes) values
    ('MINOR', 1, '{CRISIS_LEAD}', '{IN_APP}', 30),
    ('MINOR', 2, '{SUPERVISOR}', '{IN_APP,EMAIL}', 60),
    ('MODERATE', 1, '{CRISIS_LEAD}', '{IN_APP,EMAIL}', 15),
    ('MODERATE', 2, '{SUPERVISOR}', '{IN_APP,EMAIL}', 30),
    ('MODERATE', 3, '{ADMIN}', '{IN_APP,EMAIL}', 30),
    ('MAJOR', 1, '{CRISIS_LEAD}', '{IN_APP,EMAIL}', 5),
    ('MAJOR', 2, '{SUPERVISOR}', '{IN_APP,EMAIL}', 10),
    ('MAJOR', 3, '{ADMIN}', '{IN_APP,EMAIL}', 15);

-- One report sent to one level of the chain; open until acknowledged or escalated.
create table crisis_chain_notices (
    id              bigserial primary key,
    crisis_id       bigint      not null references crises (id),
    grade           varchar(16) not null,
    level           int         not null,
    recipients      text[]      not null,
    channels        text[]      not null,
    sent_at         timestamptz not null,
    ack_due_at      timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(64),
    escalated_at    timestamptz
);
create index crisis_chain_notices_open on crisis_chain_notices (ack_due_at) where acknowledged_at is null and escalated_at is null;
create index crisis_chain_notices_by_crisis on crisis_chain_notices (crisis_id, id);

-- Playbooks: per crisis type and lowest grade, the checklist a declaration starts.
create table crisis_playbooks (
    id         bigserial primary key,
    crisis_type varchar(32)  not null,
    min_grade  varchar(16)  not null,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    unique (crisis_type, min_grade)
);
create table crisis_playbook_steps (
    id                 bigserial primary key,
    playbook_id        bigint       not null references crisis_playbooks (id) on delete cascade,
    position           int          not null,
    title_zh           varchar(300) not null,
    title_en           varchar(300) not null,
    department         varchar(32)  not null,
    owner_role         varchar(32),
    due_offset_minutes int          not null check (due_offset_minutes >= 0),
    script_ref         varchar(200),
    article_ref        varchar(200)
);
create index crisis_playbook_steps_by_playbook on crisis_playbook_steps (playbook_id, position);

-- Cross-department tasks, from the playbook or added by hand.
create table crisis_tasks (
    id               bigserial primary key,
    crisis_id        bigint       not null references crises (id),
    playbook_step_id bigint,
    title            varchar(300) not null,
    department       varchar(32)  not null,
    owner_role       varchar(32),
    assignee         varchar(64),
    due_at           timestamptz,
    status           varchar(16)  not null,
    skip_reason      text,
    script_ref       varchar(200),
    article_ref      varchar(200),
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    version          int          not null default 0
);
create index crisis_tasks_by_crisis on crisis_tasks (crisis_id, id);
create index crisis_tasks_open_due on crisis_tasks (due_at) where status in ('TODO', 'IN_PROGRESS');

create table crisis_task_comments (
    id      bigserial primary key,
    task_id bigint      not null references crisis_tasks (id),
    author  varchar(64) not null,
    at      timestamptz not null,
    text    text        not null
);
create index crisis_task_comments_by_task on crisis_task_comments (task_id, id);
