-- Obligations may fall on every unit of a kind anywhere below the issuer (the Government asking all
-- communes of the country for a plan), not only on its direct children.
alter table directive drop constraint directive_obligation_targets_check;
alter table directive add constraint directive_obligation_targets_check
  check (obligation_targets in ('RECIPIENTS', 'CHILD_UNITS_OF_KIND', 'DESCENDANT_UNITS_OF_KIND'));
alter table directive drop constraint directive_obligation_kind;
alter table directive add constraint directive_obligation_kind check (
  (obligation_kind is null) = (obligation_targets is distinct from 'CHILD_UNITS_OF_KIND'
                               and obligation_targets is distinct from 'DESCENDANT_UNITS_OF_KIND'));
