-- A person's chosen language (the console applies it on sign-in; governance mails are written in it).
-- Null: not chosen, and the mails fall back to the coop country's language.
alter table users
  add column locale text check (locale in ('en', 'fr'));
