-- inbox / SLA: the business time a target has used (pending time left out), recorded when it is held (pending,
-- solved) or ends, so that business-hours response and resolution figures are one aggregate over sla_clocks.
-- remaining_ms cannot serve: it is cleared when a target ends and stops at 0 when late. Clocks that ended before
-- this column existed keep null (their business time is not recoverable in SQL) and are left out of the figures.
alter table sla_clocks add column fr_used_ms bigint, add column res_used_ms bigint;
