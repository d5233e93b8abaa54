-- The two roles of DESIGN.md (same attributes as libs/platform/database provisioning.ts).
create role fc_owner login nosuperuser nobypassrls createdb password 'change-me-owner';
create role fc_app login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password 'change-me-app';
alter database federacycle owner to fc_owner;
alter schema public owner to fc_owner;
revoke all on database federacycle from public;
grant connect, temporary on database federacycle to fc_app;
