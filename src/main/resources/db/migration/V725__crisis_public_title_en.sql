-- The crisis's title for English readers of the public status page and English subscribers (optional; the title is
-- shown when it is empty).
alter table crises add column title_en varchar(200);
