-- crisis: the playbooks shipped with SteadyDesk, one per crisis type (and a stronger one for major technical failures).
-- Product content: runs on every installation; admins adapt them on the playbook screen.
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('TECHNICAL_FAILURE', 'MINOR', '技术故障应急预案', 'Technical failure playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 1, '确认故障范围与影响的产品、地区、渠道', 'Confirm the scope: affected products, regions and channels', 'TECH', 'AGENT', 15, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 2, '切换备用系统或启用降级方案', 'Switch to the backup system or a degraded mode', 'TECH', null, 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 3, '在状态页发布首条公开说明', 'Publish the first public statement on the status page', 'PR', 'CRISIS_LEAD', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 4, '向一线客服下发统一话术与知识库提示', 'Give frontline agents the approved wording and a KB callout', 'CUSTOMER_SERVICE', 'SUPERVISOR', 45, '技术故障', null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 5, '评估退款或优惠券补偿方案', 'Assess refund or coupon compensation', 'FINANCE', null, 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MINOR'), 6, '故障恢复后发布恢复公告并安排回访', 'Announce recovery and schedule callbacks', 'CUSTOMER_SERVICE', 'CRISIS_LEAD', 1440, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('TECHNICAL_FAILURE', 'MAJOR', '重大技术故障应急预案', 'Major technical failure playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 1, '成立应急小组并召开首次碰头会', 'Form the emergency squad and hold the first stand-up', 'MANAGEMENT', 'CRISIS_LEAD', 10, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 2, '切换备用系统或启用降级方案', 'Switch to the backup system or a degraded mode', 'TECH', null, 20, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 3, '在状态页发布首条公开说明', 'Publish the first public statement on the status page', 'PR', 'CRISIS_LEAD', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 4, '开启邮件页脚提示与帮助中心横幅', 'Turn on the mail footer notice and the help-center banner', 'CUSTOMER_SERVICE', 'SUPERVISOR', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 5, 'VIP客户专人联系', 'Contact VIP customers personally', 'CUSTOMER_SERVICE', 'SUPERVISOR', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 6, '每小时更新一次公开进展', 'Update the public page every hour', 'PR', 'CRISIS_LEAD', 90, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 7, '制定补偿方案并报财务审批', 'Draft compensation and get finance approval', 'FINANCE', null, 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'TECHNICAL_FAILURE' and min_grade = 'MAJOR'), 8, '恢复后发布恢复公告、安排回访与复盘', 'Announce recovery, schedule callbacks and the review', 'MANAGEMENT', 'CRISIS_LEAD', 1440, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('COMPLAINT_ESCALATION', 'MINOR', '投诉升级应急预案', 'Complaint escalation playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'COMPLAINT_ESCALATION' and min_grade = 'MINOR'), 1, '指定专人倾听客户诉求并安抚情绪', 'Name one person to listen to the customer and calm the situation', 'CUSTOMER_SERVICE', 'SUPERVISOR', 30, '情绪安抚', null),
    ((select id from crisis_playbooks where crisis_type = 'COMPLAINT_ESCALATION' and min_grade = 'MINOR'), 2, '核实事实并给出临时解决方案', 'Check the facts and offer an interim solution', 'CUSTOMER_SERVICE', 'SUPERVISOR', 120, '投诉处理', null),
    ((select id from crisis_playbooks where crisis_type = 'COMPLAINT_ESCALATION' and min_grade = 'MINOR'), 3, '评估法律与舆论风险', 'Assess legal and public-attention risk', 'LEGAL', null, 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'COMPLAINT_ESCALATION' and min_grade = 'MINOR'), 4, '必要时由管理层致电客户', 'Have management call the customer if needed', 'MANAGEMENT', 'CRISIS_LEAD', 480, null, null),
    ((select id from crisis_playbooks where crisis_type = 'COMPLAINT_ESCALATION' and min_grade = 'MINOR'), 5, '确认补偿落实并回访', 'Confirm compensation was delivered and call back', 'CUSTOMER_SERVICE', null, 2880, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('PR', 'MINOR', '公关危机应急预案', 'PR crisis playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'PR' and min_grade = 'MINOR'), 1, '收集媒体与社交平台上的相关信息', 'Collect what media and social platforms say', 'PR', null, 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'PR' and min_grade = 'MINOR'), 2, '发布官方声明（30分钟内首次表态）', 'Publish the official statement (first response within 30 min)', 'PR', 'CRISIS_LEAD', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'PR' and min_grade = 'MINOR'), 3, '统一对外口径并下发话术', 'Align the public wording and give it to agents', 'CUSTOMER_SERVICE', 'SUPERVISOR', 60, '过渡期公告', null),
    ((select id from crisis_playbooks where crisis_type = 'PR' and min_grade = 'MINOR'), 4, '准备媒体问答与发言人', 'Prepare the media Q&A and the spokesperson', 'PR', null, 180, null, null),
    ((select id from crisis_playbooks where crisis_type = 'PR' and min_grade = 'MINOR'), 5, '评估产品或服务整改措施', 'Assess product or service remedies', 'PRODUCT', null, 1440, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('NATURAL_DISASTER', 'MINOR', '自然灾害应急预案', 'Natural disaster playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'NATURAL_DISASTER' and min_grade = 'MINOR'), 1, '确认受影响地区的员工与客户安全', 'Check the safety of staff and customers in the affected regions', 'MANAGEMENT', 'CRISIS_LEAD', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'NATURAL_DISASTER' and min_grade = 'MINOR'), 2, '评估物流与配送影响并调整承诺时效', 'Assess logistics and adjust delivery promises', 'LOGISTICS', null, 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'NATURAL_DISASTER' and min_grade = 'MINOR'), 3, '在状态页发布受影响地区与服务说明', 'Publish affected regions and services on the status page', 'PR', 'CRISIS_LEAD', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'NATURAL_DISASTER' and min_grade = 'MINOR'), 4, '启用异地客服与备用坐席', 'Switch to agents in other sites and backup seats', 'CUSTOMER_SERVICE', 'SUPERVISOR', 120, null, null),
    ((select id from crisis_playbooks where crisis_type = 'NATURAL_DISASTER' and min_grade = 'MINOR'), 5, '对受灾客户提供延期或补偿', 'Offer deferrals or compensation to affected customers', 'FINANCE', null, 1440, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('SOCIAL_EVENT', 'MINOR', '社会事件应急预案', 'Social event playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'SOCIAL_EVENT' and min_grade = 'MINOR'), 1, '评估事件对员工、门店与配送的影响', 'Assess the impact on staff, shops and deliveries', 'MANAGEMENT', 'CRISIS_LEAD', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'SOCIAL_EVENT' and min_grade = 'MINOR'), 2, '暂停不合时宜的营销活动', 'Pause marketing that is out of place now', 'MARKETING', null, 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'SOCIAL_EVENT' and min_grade = 'MINOR'), 3, '发布服务调整说明', 'Publish the service changes', 'PR', 'CRISIS_LEAD', 120, null, null),
    ((select id from crisis_playbooks where crisis_type = 'SOCIAL_EVENT' and min_grade = 'MINOR'), 4, '为客服准备敏感问题的应答口径', 'Prepare wording for sensitive questions', 'CUSTOMER_SERVICE', 'SUPERVISOR', 120, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('MANAGEMENT_FAILURE', 'MINOR', '管理失误应急预案', 'Management failure playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'MANAGEMENT_FAILURE' and min_grade = 'MINOR'), 1, '管理层确认事实并指定对外发言人', 'Management confirms the facts and names a spokesperson', 'MANAGEMENT', 'CRISIS_LEAD', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'MANAGEMENT_FAILURE' and min_grade = 'MINOR'), 2, '法务评估责任与合规风险', 'Legal assesses liability and compliance', 'LEGAL', null, 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'MANAGEMENT_FAILURE' and min_grade = 'MINOR'), 3, '发布致歉与整改声明', 'Publish an apology and the remedies', 'PR', 'CRISIS_LEAD', 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'MANAGEMENT_FAILURE' and min_grade = 'MINOR'), 4, '财务评估损失与补偿预算', 'Finance assesses loss and compensation budget', 'FINANCE', null, 480, null, null),
    ((select id from crisis_playbooks where crisis_type = 'MANAGEMENT_FAILURE' and min_grade = 'MINOR'), 5, '客服统一口径应答', 'Agents answer with the agreed wording', 'CUSTOMER_SERVICE', 'SUPERVISOR', 240, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('CYBERSECURITY', 'MINOR', '网络安全事件应急预案', 'Cybersecurity incident playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'CYBERSECURITY' and min_grade = 'MINOR'), 1, '隔离受影响系统并保全证据', 'Isolate affected systems and preserve evidence', 'TECH', null, 15, null, null),
    ((select id from crisis_playbooks where crisis_type = 'CYBERSECURITY' and min_grade = 'MINOR'), 2, '评估数据泄露范围', 'Assess what data may have leaked', 'TECH', null, 120, null, null),
    ((select id from crisis_playbooks where crisis_type = 'CYBERSECURITY' and min_grade = 'MINOR'), 3, '法务评估通报监管与客户的义务', 'Legal assesses duties to tell regulators and customers', 'LEGAL', null, 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'CYBERSECURITY' and min_grade = 'MINOR'), 4, '发布安全公告并提示客户修改密码', 'Publish a security notice and advise password changes', 'PR', 'CRISIS_LEAD', 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'CYBERSECURITY' and min_grade = 'MINOR'), 5, '客服准备账户安全问答', 'Agents get an account-security Q&A', 'CUSTOMER_SERVICE', 'SUPERVISOR', 240, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('STAFF_WALKOUT', 'MINOR', '客服团队集体离职应急预案', 'Customer-service staff walk-out playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 1, '盘点在岗人员与未处理工单量', 'Count who is still on duty and the open ticket backlog', 'CUSTOMER_SERVICE', 'SUPERVISOR', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 2, '从销售、运营等部门借调人员支援', 'Second staff from sales and operations', 'HR', 'CRISIS_LEAD', 120, null, null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 3, '启动外包与兼职客服', 'Bring in outsourced and part-time agents', 'HR', null, 480, null, null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 4, '下发应急手册（FAQ、系统操作指南）', 'Hand out the emergency handbook (FAQ, system guide)', 'CUSTOMER_SERVICE', 'SUPERVISOR', 120, null, null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 5, '安排老带新与话术培训', 'Pair newcomers with experienced agents and train the wording', 'CUSTOMER_SERVICE', 'SUPERVISOR', 240, null, null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 6, '发布服务调整公告（响应时间延长说明）', 'Publish the service announcement (longer response times)', 'PR', 'CRISIS_LEAD', 120, '过渡期公告', null),
    ((select id from crisis_playbooks where crisis_type = 'STAFF_WALKOUT' and min_grade = 'MINOR'), 7, '梳理客户历史与交接记录，防止信息断档', 'Secure customer history and handover notes', 'CUSTOMER_SERVICE', null, 1440, null, null);
insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values ('OTHER', 'MINOR', '通用应急预案', 'General playbook');
insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role, due_offset_minutes, script_ref, article_ref) values
    ((select id from crisis_playbooks where crisis_type = 'OTHER' and min_grade = 'MINOR'), 1, '确认事实、影响范围与负责人', 'Confirm the facts, the scope and who is in charge', 'MANAGEMENT', 'CRISIS_LEAD', 30, null, null),
    ((select id from crisis_playbooks where crisis_type = 'OTHER' and min_grade = 'MINOR'), 2, '在状态页发布首条公开说明', 'Publish the first public statement on the status page', 'PR', 'CRISIS_LEAD', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'OTHER' and min_grade = 'MINOR'), 3, '向客服下发统一话术', 'Give agents the approved wording', 'CUSTOMER_SERVICE', 'SUPERVISOR', 60, null, null),
    ((select id from crisis_playbooks where crisis_type = 'OTHER' and min_grade = 'MINOR'), 4, '跟进处理并安排回访', 'Follow up and schedule callbacks', 'CUSTOMER_SERVICE', null, 1440, null, null);
