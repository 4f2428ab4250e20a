-- Timeline entries written by the system carry a bundle key and its arguments, so that each reader sees them in their
-- language; the English text stays for exports and for entries written before.
alter table crisis_timeline add column text_key varchar(100);
alter table crisis_timeline add column text_args text[];
