-- storage: a coop's files (today: product images), the bytes in a tenant table. Row-level
-- security keeps each coop's files its own; they are backed up with the coop's other rows; every
-- API replica sees them without a shared disk; storing a file commits with the row that points
-- at it. Files never change (a new upload is a new row): the SHA-256 is the ETag.
create table stored_files (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  content_type text not null check (content_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  bytes bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size between 1 and 10485760),
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint stored_files_bytes_check check (octet_length(bytes) = size)
);
alter table stored_files enable row level security;
alter table stored_files force row level security;
create policy tenant_isolation on stored_files
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- a product's image is a file of the same coop
alter table products
  add constraint products_image_fkey foreign key (coop_id, image_file_id) references stored_files (coop_id, id);
