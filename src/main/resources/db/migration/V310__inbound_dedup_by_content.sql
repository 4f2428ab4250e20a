-- channels: a duplicate is the same message (same Message-ID AND same bytes), not merely the same Message-ID.
-- Identical bytes imply the same Message-ID, so the unique key is the SHA-256 of the raw message per mailbox;
-- a reused Message-ID with different content is stored and marked. A message the server would not hand over
-- is kept as a quarantine entry without raw bytes (source_uid and the error say which one it was).
alter table inbound_messages add column raw_sha256 char(64);
update inbound_messages set raw_sha256 = encode(sha256(raw), 'hex') where raw_size > 0;
alter table inbound_messages add column message_id_reused boolean not null default false;
alter table inbound_messages add column unfetchable boolean not null default false;
drop index if exists inbound_messages_message_id;
create unique index inbound_messages_same_content on inbound_messages (mailbox_id, raw_sha256)
    where mailbox_id is not null and raw_sha256 is not null;
create index inbound_messages_by_message_id on inbound_messages (mailbox_id, message_id) where message_id is not null;
