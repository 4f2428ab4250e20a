-- crisis: a task started from a playbook keeps its step's English title, so that an English screen shows it in English
-- (tasks written by hand keep title_en null and show as written).
alter table crisis_tasks add column title_en varchar(300);
update crisis_tasks t set title_en = s.title_en from crisis_playbook_steps s where s.id = t.playbook_step_id;
