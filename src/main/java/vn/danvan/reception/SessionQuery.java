package vn.danvan.reception;

import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/** The filters of the session list; every one optional. */
public record SessionQuery(
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    LocalDate from,
    LocalDate to,
    HostRole hostRole,
    SessionKind kind) {}
