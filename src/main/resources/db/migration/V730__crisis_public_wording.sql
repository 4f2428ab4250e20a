-- The public face of a crisis, apart from the internal one: a public title (the internal title may name people or
-- suppliers), English names of the affected products for the English status page.
alter table crises add column public_title varchar(200);
alter table crises add column products_en text[] not null default '{}';

-- Update templates per crisis type (null: any type); the placeholders are those of the one catalogue
-- (scripts.PlaceholderCatalogue, docs/scripts-placeholders.md), which names them crisis.*.
alter table crisis_update_templates add column crisis_types text;
update crisis_update_templates set
    body_zh = replace(replace(replace(body_zh, '{{title}}', '{{crisis.title}}'), '{{affected}}', '{{crisis.affected}}'), '{{next_update}}', '{{crisis.next_update}}'),
    body_en = replace(replace(replace(body_en, '{{title}}', '{{crisis.title}}'), '{{affected}}', '{{crisis.affected}}'), '{{next_update}}', '{{crisis.next_update}}');
update crisis_update_templates set crisis_types = 'TECHNICAL_FAILURE,CYBERSECURITY' where code in ('first-statement', 'cause-identified');
insert into crisis_update_templates (code, phase, body_zh, body_en, crisis_types) values
('first-statement-general', 'INVESTIGATING',
 '我们注意到{{crisis.title}}，部分客户可能受到影响（{{crisis.affected}}）。相关团队正在处理，我们将于{{crisis.next_update}}前发布下一次进展。给您带来不便，深表歉意。',
 'We are aware of an issue: {{crisis.title}}. Some customers may be affected ({{crisis.affected}}). We are working on it and will post the next update by {{crisis.next_update}}. We are sorry for the inconvenience.',
 null),
('first-statement-service', 'INVESTIGATING',
 '目前我们的客服回复比平时慢（{{crisis.affected}}）。每一条消息都会按顺序处理，不会遗漏；紧急问题请先查看帮助中心。我们将于{{crisis.next_update}}前发布下一次进展。给您带来不便，深表歉意。',
 'Our customer service is answering more slowly than usual ({{crisis.affected}}). Every message will be answered in order; none is lost. For urgent questions, please see the help center first. We will post the next update by {{crisis.next_update}}. We are sorry for the wait.',
 'STAFF_WALKOUT'),
('cause-identified-general', 'IDENTIFIED',
 '我们已查明{{crisis.title}}的原因，正在处理。受影响范围：{{crisis.affected}}。下一次更新时间：{{crisis.next_update}}。',
 'We know the cause of {{crisis.title}} and are dealing with it. Affected: {{crisis.affected}}. Next update by {{crisis.next_update}}.',
 null);

-- A bulk reply sent again to the tickets another one failed for.
alter table crisis_bulk_replies add column retry_of bigint references crisis_bulk_replies (id);
