-- inbox: the customer's satisfaction rating of a ticket (CSAT), a fact of the ticket like Zendesk's satisfaction_rating.
-- One current rating per ticket (a new answer replaces the old one); 1..5, where 4 and 5 count as "good".
-- Surveys (insights) record their answers through inbox's API; nobody else writes this table.
create table ticket_satisfaction (
    ticket_id    bigint      primary key references tickets (id),
    score        smallint    not null check (score between 1 and 5),
    comment      text,
    rated_at     timestamptz not null,
    recorded_by  varchar(64) not null
);

-- Service figures (TicketStatistics) find the tickets of a time window through tickets_by_created (V401); an extra
-- covering index would make every ticket update pay for a query that runs a few times per crisis.
