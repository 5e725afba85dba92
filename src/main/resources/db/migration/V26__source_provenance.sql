-- Provenance of records pushed by another system (DESIGN §9): the source system's key of the
-- record (sourceSystem + sourceId, unique per resource type), the source's own version of it (a
-- push older than the stored one is refused) and when the source last changed it. A record that
-- carries a source key is owned by that system: only its integration client or an admin changes it.
do $$
declare
  t text;
begin
  foreach t in array array['org_unit', 'directive', 'task', 'reception_session',
                           'reception_visit', 'reception_case', 'report_submission']
  loop
    execute format(
      'alter table %1$I
         add column source_system text,
         add column source_id text,
         add column source_version bigint,
         add column source_updated_at timestamptz,
         add constraint %1$s_source_key_complete
           check ((source_system is null) = (source_id is null)),
         add constraint %1$s_source_version_needs_key
           check (source_system is not null or (source_version is null and source_updated_at is null)),
         add constraint %1$s_source_system_format
           check (source_system ~ ''^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$''),
         add constraint %1$s_source_id_length
           check (char_length(source_id) between 1 and 200)', t);
    execute format(
      'create unique index %1$s_source_key on %1$I (source_system, source_id)
         where source_system is not null', t);
  end loop;
end
$$;
