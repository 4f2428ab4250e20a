-- "Was this helpful?" counts one vote per visitor and article. A visitor is a random id in a cookie and, separately,
-- a keyed hash of their address: each is unique per article, so neither a fresh cookie nor a fresh address alone
-- votes again (people behind one office address share a vote; that is the price of a count that cannot be stuffed).
create table kb_article_votes (
    article_id bigint      not null references kb_articles (id) on delete cascade,
    visitor_id varchar(64) not null,
    ip_hash    varchar(64) not null,
    helpful    boolean     not null,
    voted_at   timestamptz not null,
    primary key (article_id, visitor_id)
);
create unique index kb_article_votes_address on kb_article_votes (article_id, ip_hash);

-- The key the address hashes are made with, one per installation: a plain hash of an IPv4 address is undone by
-- trying all four billion.
create table kb_visitor_hash_key (
    hash_key varchar(100) not null
);
insert into kb_visitor_hash_key (hash_key) values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
