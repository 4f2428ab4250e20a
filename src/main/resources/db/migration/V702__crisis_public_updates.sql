-- crisis: public updates shown on /status, and the templates they are written from.
create table crisis_public_updates (
    id             bigserial primary key,
    crisis_id      bigint      not null references crises (id),
    phase          varchar(16) not null,
    body_zh        text        not null,
    body_en        text        not null,
    author         varchar(64) not null,
    published_at   timestamptz not null,
    next_update_at timestamptz
);
create index crisis_public_updates_by_crisis on crisis_public_updates (crisis_id, id);

create table crisis_update_templates (
    code    varchar(64) primary key,
    phase   varchar(16) not null,
    body_zh text        not null,
    body_en text        not null
);
insert into crisis_update_templates (code, phase, body_zh, body_en) values
('first-statement', 'INVESTIGATING',
 '我们注意到{{title}}，部分客户可能受到影响（{{affected}}）。技术团队正在全力排查，我们将于{{next_update}}前发布下一次进展。给您带来不便，深表歉意。',
 'We are aware of an issue: {{title}}. Some customers may be affected ({{affected}}). Our team is investigating and we will post the next update by {{next_update}}. We are sorry for the inconvenience.'),
('cause-identified', 'IDENTIFIED',
 '我们已找到{{title}}的原因，正在修复。受影响范围：{{affected}}。下一次更新时间：{{next_update}}。',
 'We have found the cause of {{title}} and are fixing it. Affected: {{affected}}. Next update by {{next_update}}.'),
('monitoring', 'MONITORING',
 '修复已上线，服务正在逐步恢复，我们会持续观察。如仍遇到问题，请通过帮助中心联系我们。下一次更新时间：{{next_update}}。',
 'A fix is live and service is recovering; we keep watching. If you still have trouble, contact us through the help center. Next update by {{next_update}}.'),
('resolved', 'RESOLVED',
 '{{title}}已解决，所有服务恢复正常。感谢您的耐心与理解，受影响客户的补偿方案将另行通知。',
 '{{title}} is resolved and all services are back to normal. Thank you for your patience; affected customers will hear about compensation separately.');
