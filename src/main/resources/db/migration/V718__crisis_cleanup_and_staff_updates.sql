-- crisis: the clean-up checklist of a closed crisis, the temporary contact-point changes it must undo, internal updates
-- for staff (never public), and the staff who follow a crisis.

-- One step of the checklist, with who did it and when. kind: SCRIPT (ref_id = the script), BANNER, CALLOUTS,
-- MAIL_FOOTER, KEYWORD_LINKING, CONTACT_POINT (a temporary change the lead recorded during the crisis), FINAL_UPDATE.
-- CONTACT_POINT rows exist from the moment the change is recorded; the other rows are written when the crisis closes.
create table crisis_cleanup_steps (
    id         bigserial primary key,
    crisis_id  bigint       not null references crises (id),
    step_key   varchar(100) not null,
    kind       varchar(32)  not null,
    label      varchar(500) not null,
    ref_id     bigint,
    outcome    varchar(32),
    done_by    varchar(64),
    done_at    timestamptz,
    created_at timestamptz  not null,
    unique (crisis_id, step_key)
);
create index crisis_cleanup_steps_open on crisis_cleanup_steps (crisis_id) where done_at is null;

create table crisis_internal_updates (
    id        bigserial primary key,
    crisis_id bigint      not null references crises (id),
    body      text        not null,
    author    varchar(64) not null,
    posted_at timestamptz not null,
    notified  int         not null
);
create index crisis_internal_updates_by_crisis on crisis_internal_updates (crisis_id, id desc);

create table crisis_staff_followers (
    crisis_id   bigint      not null references crises (id),
    username    varchar(64) not null,
    followed_at timestamptz not null,
    primary key (crisis_id, username)
);
