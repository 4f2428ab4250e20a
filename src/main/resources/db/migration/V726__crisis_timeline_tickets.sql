-- A timeline entry about linked tickets keeps which tickets it names: the id for the link to the ticket page and the
-- number people know (#10023). Entries written before keep their text (internal ids) and no arrays.
alter table crisis_timeline
    add column ticket_ids     bigint[],
    add column ticket_numbers bigint[],
    add constraint crisis_timeline_tickets_paired check (cardinality(ticket_ids) = cardinality(ticket_numbers));
