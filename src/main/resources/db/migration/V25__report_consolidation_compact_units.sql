-- Why: the unit list of a consolidation over the 3,321 communes took ≈ 1 MB as objects with named
-- fields (V23), and each indicator repeated the ids of the units missing it. Versions written from
-- now on store both compactly; versions already stored keep their form and read as before.
comment on column report_consolidation.units is
  'One entry per expected unit of the period: a positional array [unitId, name, transferredFromUnitId,'
  ' submissionId, status, late, versionNumber, decision] without its trailing nulls (versionNumber null:'
  ' the unit fed nothing). Versions written before V25: objects with these fields.';
comment on column report_consolidation.indicators is
  'One entry per indicator of the template version, in template order: {"code", "value", "valueCount",'
  ' "missing": [positions in units of the units that fed the version without a usable value]}.'
  ' Versions written before V25: "missingUnitIds" (unit ids) instead of "missing".';
