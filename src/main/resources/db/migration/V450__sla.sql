-- inbox / SLA: business-hours calendars, SLA policies, the clocks of each ticket and the breaches.
-- The tickets.sla_* columns (V400) are a projection of sla_clocks kept in the same transaction, for lists and views.

create table business_calendars (
    id          bigserial primary key,
    name        varchar(100) not null unique,
    time_zone   varchar(64)  not null default 'Asia/Shanghai',
    always_open boolean      not null default false,      -- 24x7: opening hours and days below are ignored
    updated_at  timestamptz  not null default now()
);

-- Weekly opening hours: several intervals per weekday allowed. Minutes after local midnight, [opens, closes);
-- closes may be 1440 (midnight) so that 22:00-24:00 + 00:00-06:00 spans a night.
create table business_calendar_hours (
    calendar_id  bigint   not null references business_calendars (id) on delete cascade,
    day_of_week  smallint not null check (day_of_week between 1 and 7),  -- ISO: 1 = Monday
    opens_minute smallint not null check (opens_minute between 0 and 1439),
    closes_minute smallint not null check (closes_minute between 1 and 1440),
    check (closes_minute > opens_minute),
    primary key (calendar_id, day_of_week, opens_minute)
);

-- Public holidays and company days off: closed although the weekday has hours.
create table calendar_holidays (
    calendar_id bigint       not null references business_calendars (id) on delete cascade,
    day         date         not null,
    name        varchar(100) not null,
    primary key (calendar_id, day)
);

-- Make-up working days (调休): usually a weekend date worked to bridge a holiday; open with the hours of hours_like.
create table calendar_workdays (
    calendar_id bigint       not null references business_calendars (id) on delete cascade,
    day         date         not null,
    name        varchar(100) not null,
    hours_like  smallint     not null default 1 check (hours_like between 1 and 7),
    primary key (calendar_id, day)
);

-- Policies: null criteria match anything; vip_tier VIP = any VIP tier, NONE = non-VIP only, or an exact tier.
-- The most specific active match wins (channel and priority weigh 2, an exact tier 2, VIP 1); position breaks ties.
-- Targets are seconds of business time of the calendar (null calendar = 24x7); a null target = none.
create table sla_policies (
    id                      bigserial primary key,
    name                    varchar(100) not null,
    channel                 varchar(16),
    priority                varchar(16),
    vip_tier                varchar(16),
    first_response_seconds  integer check (first_response_seconds > 0),
    resolution_seconds      integer check (resolution_seconds > 0),
    calendar_id             bigint references business_calendars (id),
    at_risk_percent         smallint not null default 75 check (at_risk_percent between 1 and 99),
    active                  boolean  not null default true,
    position                integer  not null,
    updated_at              timestamptz not null default now()
);
create index sla_policies_by_position on sla_policies (position, id);

-- The SLA clocks of a ticket (see SlaClock). Per target (fr = first response, res = resolution): the target,
-- due and at-risk instants, the business time left while held (pending/solved) in ms, when it ended.
create table sla_clocks (
    ticket_id           bigint      primary key references tickets (id) on delete cascade,
    policy_id           bigint      references sla_policies (id) on delete set null,  -- null: policy deleted (history)
    at_risk_percent     smallint    not null,
    started_at          timestamptz not null,
    fr_target_seconds   integer,
    fr_due_at           timestamptz,
    fr_at_risk_at       timestamptz,
    fr_remaining_ms     bigint,
    fr_done_at          timestamptz,
    res_target_seconds  integer,
    res_due_at          timestamptz,
    res_at_risk_at      timestamptz,
    res_remaining_ms    bigint,
    res_done_at         timestamptz,
    -- next instant at which the state changes by time alone (at risk, then due): what the scanner looks for
    next_check_at       timestamptz
);
create index sla_clocks_to_check on sla_clocks (next_check_at) where next_check_at is not null;
create index sla_clocks_by_policy on sla_clocks (policy_id);

-- One row per missed target: the unique key makes SlaBreached fire once per metric and ticket.
create table sla_breaches (
    ticket_id   bigint      not null references tickets (id) on delete cascade,
    metric      varchar(16) not null,          -- FIRST_RESPONSE, RESOLUTION
    due_at      timestamptz not null,
    breached_at timestamptz not null,
    primary key (ticket_id, metric)
);

-- Defaults (also described in com.steadydesk.inbox.sla.package-info):
--   calendar "工作日 9:00-18:00" Mon-Fri 09:00-18:00 Asia/Shanghai, no holidays (add them per year on /admin/sla/calendars)
--   在线聊天 CHAT: first response 30 s, resolution 8 h, 24x7
--   电话 PHONE: first response 60 s, resolution 8 h, 24x7
--   紧急 URGENT (any channel): first response 30 min, resolution 8 h, 24x7
--   VIP (any VIP tier): first response 1 business hour, resolution 9 business hours (1 working day)
--   默认 (email, web form, API, anything else): first response 4 business hours, resolution 27 business hours (3 working days)
insert into business_calendars (name, time_zone) values ('工作日 9:00-18:00', 'Asia/Shanghai');
insert into business_calendar_hours (calendar_id, day_of_week, opens_minute, closes_minute)
select c.id, d, 540, 1080 from business_calendars c, generate_series(1, 5) d where c.name = '工作日 9:00-18:00';

insert into sla_policies (name, channel, priority, vip_tier, first_response_seconds, resolution_seconds, calendar_id, position)
values ('在线聊天', 'CHAT', null, null, 30, 8 * 3600, null, 10),
       ('电话', 'PHONE', null, null, 60, 8 * 3600, null, 20),
       ('紧急工单', null, 'URGENT', null, 30 * 60, 8 * 3600, null, 30),
       ('VIP 客户', null, null, 'VIP', 3600, 9 * 3600, (select id from business_calendars where name = '工作日 9:00-18:00'), 40),
       ('默认（邮件、网页表单、API）', null, null, null, 4 * 3600, 27 * 3600, (select id from business_calendars where name = '工作日 9:00-18:00'), 50);
