-- notifications (staff part): in-app notices for staff, one row per recipient; the email copy goes through channels.
create table staff_notices (
    id         bigserial primary key,
    username   varchar(64)   not null,
    subject    varchar(300)  not null,
    body       text          not null,
    link       varchar(500),
    created_at timestamptz   not null,
    read_at    timestamptz
);
create index staff_notices_user_idx on staff_notices (username, id desc);
create index staff_notices_unread_idx on staff_notices (username) where read_at is null;
