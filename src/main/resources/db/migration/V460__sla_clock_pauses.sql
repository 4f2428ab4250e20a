-- inbox / SLA: the spells in which a clock's targets were held (pending, solved), as wall-clock intervals
-- "from/until;from/until;from/" (ISO-8601, the last one open while it lasts). A changed calendar or policy recounts
-- the business time used from started_at on the new calendar, pauses left out, instead of trusting due times the old
-- calendar computed (adding a holiday used to make open tickets due at once and breached). A value of the clock, read
-- and written with its row and never queried, hence text.
alter table sla_clocks add column pauses text;

-- Existing clocks: the spells come from the status history (PENDING or SOLVED until the next status change).
with changes as (
    select h.ticket_id, h.id, h.at, h.old_value, h.new_value,
           lead(h.at) over (partition by h.ticket_id order by h.at, h.id) as next_at,
           row_number() over (partition by h.ticket_id order by h.at, h.id) as n
    from ticket_history h
    join sla_clocks c on c.ticket_id = h.ticket_id and h.at >= c.started_at
    where h.field = 'status'
), spells as (
    select c.ticket_id, c.started_at as from_at, ch.at as until_at
    from changes ch join sla_clocks c on c.ticket_id = ch.ticket_id
    where ch.n = 1 and ch.old_value in ('PENDING', 'SOLVED')
    union all
    select ticket_id, at, next_at from changes where new_value in ('PENDING', 'SOLVED')
)
update sla_clocks c set pauses = s.pauses
from (select ticket_id,
             string_agg(to_char(from_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '/'
                        || coalesce(to_char(until_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''),
                        ';' order by from_at) as pauses
      from spells group by ticket_id) s
where s.ticket_id = c.ticket_id;

-- Held clocks without a recorded status change (opened pending or solved): held since the clock started.
update sla_clocks c set pauses = to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '/'
where c.pauses is null
  and ((c.fr_remaining_ms is not null and c.fr_done_at is null) or (c.res_remaining_ms is not null and c.res_done_at is null));
