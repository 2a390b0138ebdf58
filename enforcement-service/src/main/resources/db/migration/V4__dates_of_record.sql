-- 结论日期: the date on the inspection record when it is entered after the fact (补录); the
-- assignment closes as of that date, and the task's publication deadline runs from the latest one.
alter table assignment add column concluded_on date;
