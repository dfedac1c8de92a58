-- Least privilege for the application paths, after every object exists. Idempotent.
-- Logins: a loader login (member of cchc_loader) loads files; a transformer login (member of cchc_transformer)
-- builds and publishes; cchc_reporting reads the live marts; cchc_auditor reads everything that explains a figure.

-- The loader owns the raw tables: a load analyses what it wrote (ANALYZE needs the owner); it cannot touch marts.
do $$
declare t record;
begin
  for t in select schemaname, tablename from pg_tables
            where schemaname = 'raw' and tableowner <> 'cchc_loader' loop
    execute format('alter table %I.%I owner to cchc_loader', t.schemaname, t.tablename);
  end loop;
end $$;

-- dbt runs as cchc_transformer (profiles.yml: role), so it owns what it builds; relations built before that by
-- another user are handed over, so that the next build can replace them.
do $$
declare t record;
begin
  for t in select n.nspname, c.relname, c.relkind from pg_class as c
             inner join pg_namespace as n on c.relnamespace = n.oid
            where n.nspname in ('staging', 'intermediate', 'marts', 'staging__next', 'intermediate__next',
                                'marts__next')
              and c.relkind in ('r', 'v', 'm', 'p') and pg_get_userbyid(c.relowner) <> 'cchc_transformer' loop
    execute format('alter %s %I.%I owner to cchc_transformer',
                   case t.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                   t.nspname, t.relname);
  end loop;
end $$;

-- what the transformer creates is readable by auditors (every generation) and by reporting (marts)
alter default privileges for role cchc_transformer in schema staging, intermediate, marts,
staging__next, intermediate__next, marts__next
grant select on tables to cchc_auditor;
alter default privileges for role cchc_transformer in schema marts, marts__next
grant select on tables to cchc_reporting;
grant select on all tables in schema staging, intermediate, marts, staging__next, intermediate__next, marts__next
to cchc_auditor;

-- a publication: the transformer records it and marks the files it read as published
grant insert, update on audit.publication, audit.mart_generation to cchc_transformer;
grant insert on audit.published_indicator_value to cchc_transformer;
grant update (status, status_changed_at) on audit.source_file to cchc_transformer;
grant usage, select on all sequences in schema audit to cchc_transformer;
