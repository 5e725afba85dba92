package vn.danvan.directive;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One obliged unit of a coverage page; the document fields are null when no implementing document
 * counts on the day, or when the caller may not read it.
 */
record CoverageRow(
    UUID unitId,
    String unitName,
    CoverageState state,
    LocalDate dueDate,
    UUID documentId,
    String documentNumber,
    LocalDate documentDate,
    UUID transferredFromUnitId) {}
