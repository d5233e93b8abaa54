-- The applicant's language (the application mails are written in it), and the index behind the
-- cap on pending applications per admin email (anonymous form abuse).
alter table coop_applications
  add column locale text not null default 'en' check (locale in ('en', 'fr'));
create index coop_applications_pending_admin on coop_applications (admin_email)
  where status in ('applied', 'under_review');
