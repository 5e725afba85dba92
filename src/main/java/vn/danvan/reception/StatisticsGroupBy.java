package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Dimensions of reception statistics. */
public enum StatisticsGroupBy implements LabeledEnum {
  CONTENT_KIND,
  FIELD,
  OUTCOME,
  UNIT,
  MONTH
}
