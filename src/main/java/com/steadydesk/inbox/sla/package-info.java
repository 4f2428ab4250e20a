/**
 * SLA policies, business-hours calendars and the SLA clocks of tickets (internal to the inbox module).
 *
 * <h2>Default policies (seeded by V450, editable on /admin/sla)</h2>
 * <table>
 * <tr><th>policy</th><th>matches</th><th>first response</th><th>resolution</th><th>calendar</th></tr>
 * <tr><td>在线聊天</td><td>CHAT</td><td>30 s</td><td>8 h</td><td>24x7</td></tr>
 * <tr><td>电话</td><td>PHONE</td><td>60 s</td><td>8 h</td><td>24x7</td></tr>
 * <tr><td>紧急工单</td><td>URGENT (any channel)</td><td>30 min</td><td>8 h</td><td>24x7</td></tr>
 * <tr><td>VIP 客户</td><td>any VIP tier</td><td>1 business hour</td><td>9 business hours (1 working day)</td><td>工作日</td></tr>
 * <tr><td>默认</td><td>everything else (email, web form, API)</td><td>4 business hours</td><td>27 business hours (3 working days)</td><td>工作日</td></tr>
 * </table>
 * "工作日 9:00-18:00" is Monday to Friday 09:00-18:00 Asia/Shanghai, without holidays: enter each year's public holidays
 * and make-up working days (调休) on /admin/sla/calendars (one by one or pasted as "2026-10-01,国庆节" lines).
 * All at-risk thresholds are 75 %.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>Choice: the most specific active policy wins (channel 2, priority 2, exact tier or "not VIP" 2, "any VIP" 1);
 * equal specificity goes by the admin's order. So an urgent VIP email follows "紧急工单", a VIP chat "在线聊天".</li>
 * <li>Clocks ({@link com.steadydesk.inbox.sla.SlaClock}): run in NEW/OPEN/ON_HOLD; PENDING holds them and the due
 * times shift by the business time spent pending; the first public reply (MessageAdded kind REPLY) or SOLVED/CLOSED
 * ends first response; SOLVED holds resolution and a reopen continues with the time that was left; CLOSED ends it.</li>
 * <li>State: AT_RISK once the threshold of a running target has passed, BREACHED at its due time. A breach is
 * recorded once in sla_breaches (unique per ticket and metric), which is what makes {@code SlaBreached} fire once,
 * and stays the ticket's state, also after solving.</li>
 * <li>tickets.sla_next_due_at is the earliest due time of a running target (overdue ones included, for the SLA sort);
 * the scanner looks at sla_clocks.next_check_at instead, because the at-risk moments come before the due times.</li>
 * <li>A policy or calendar change recalculates every open ticket after commit (asynchronous, chunked): the business
 * time already used is kept and the new target applies to it.</li>
 * </ul>
 * The rest of inbox uses {@link com.steadydesk.inbox.sla.SlaManagement} (status of a ticket, scan now, recalculate).
 */
package com.steadydesk.inbox.sla;
