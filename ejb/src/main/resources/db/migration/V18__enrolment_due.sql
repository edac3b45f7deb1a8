-- Version 16: people who must enrol a second factor at their next login whatever the policy says (S2): the three
-- administrators created at the first start from the environment (三员).
create table enrolment_due (
    person_id bigint    not null primary key references person (id),
    due_since timestamp not null
);
