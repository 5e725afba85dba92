-- The agenda's case deadlines (issue 14 §1, CaseObligations): keyset pages by due date then id,
-- one index per deadline over the cases that still bind (a transferred case binds no more), for the
-- whole country or a subtree (the unit path filtered on the way), and per province (the second
-- element of a stored path is always the province) for a province's agenda.
create index reception_case_acceptance_due on reception_case (acceptance_due_date, id)
  where acceptance_due_date is not null and status <> 'TRANSFERRED';
create index reception_case_resolution_due on reception_case (resolution_due_date, id)
  where resolution_due_date is not null and status <> 'TRANSFERRED';
create index reception_case_province_acceptance_due
  on reception_case ((unit_path[2]), acceptance_due_date, id)
  where acceptance_due_date is not null and status <> 'TRANSFERRED';
create index reception_case_province_resolution_due
  on reception_case ((unit_path[2]), resolution_due_date, id)
  where resolution_due_date is not null and status <> 'TRANSFERRED';
