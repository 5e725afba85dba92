-- Why: other features show a unit's name as it was on a day (a directive's issuer on its issue
-- date, an obligation's unit on a report day, a task's units). The org-unit feature owns its
-- tables; this function is the one rule they share instead of each joining org_unit_version.
--
-- The name of the unit's latest version begun by :day (valid that day, or its last one when the
-- unit had closed), else of its first version (the unit did not exist yet); null for no unit.
-- Two probes of the (unit_id, valid_from) index.
create function org_unit_name_on(unit uuid, day date) returns text
  language sql stable parallel safe strict
  as $$
    select coalesce(
      (select v.name from org_unit_version v
        where v.unit_id = unit and v.valid_from <= day order by v.valid_from desc limit 1),
      (select v.name from org_unit_version v
        where v.unit_id = unit order by v.valid_from limit 1))
  $$;
