package vn.danvan.reception;

import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/** The filters of the case list; every one optional. */
public record CaseQuery(
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    ContentKind kind,
    CaseStatus status,
    Boolean overdue) {}
