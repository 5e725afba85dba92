package vn.danvan.reception;

import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * What reception statistics count: the records of {@code unit} under {@code mode} (none: every
 * unit), or, when {@code province}, of the whole province {@code unit} (a province is always the
 * second element of a stored path), received in [{@code from}, {@code to}], grouped by {@code
 * groupBy}; a case is overdue when a due date lies before {@code today}.
 */
record StatisticsQuery(
    UUID unit,
    OrgUnitMode mode,
    boolean province,
    LocalDate from,
    LocalDate to,
    ReceptionStatisticsGroupBy groupBy,
    LocalDate today) {}
