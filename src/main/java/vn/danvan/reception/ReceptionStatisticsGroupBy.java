package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Dimensions of reception statistics. */
public enum ReceptionStatisticsGroupBy implements LabeledEnum {
  CONTENT_KIND,
  FIELD,
  OUTCOME,
  UNIT,
  MONTH
}
