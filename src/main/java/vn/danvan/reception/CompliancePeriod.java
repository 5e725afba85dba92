package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The period over which a head of unit must hold at least one reception day. */
public enum CompliancePeriod implements LabeledEnum {
  WEEK,
  MONTH
}
