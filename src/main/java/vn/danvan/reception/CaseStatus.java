package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The life of a case; changed only by {@link CaseAction transitions}. */
public enum CaseStatus implements LabeledEnum {
  RECEIVED,
  ACCEPTED,
  RESOLVED,
  CLOSED,
  TRANSFERRED;

  /** The status after {@code action}, or null when the action is not allowed from here. */
  public CaseStatus after(CaseAction action) {
    return switch (action) {
      case ACCEPT -> this == RECEIVED ? ACCEPTED : null;
      case EXTEND -> this == ACCEPTED ? ACCEPTED : null;
      case RESOLVE -> this == ACCEPTED ? RESOLVED : null;
      case CLOSE -> this == RESOLVED || this == RECEIVED ? CLOSED : null;
      case TRANSFER -> this == RECEIVED || this == ACCEPTED ? TRANSFERRED : null;
      case REOPEN -> this == RESOLVED || this == CLOSED ? ACCEPTED : null;
    };
  }
}
