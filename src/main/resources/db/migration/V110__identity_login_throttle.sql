-- Failed logins no longer lock an account (anyone could lock anyone out); LoginThrottle slows guessing down in memory.
alter table users drop column failed_logins;
alter table users drop column locked_until;
