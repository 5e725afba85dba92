package vn.danvan.imports;

import vn.danvan.shared.reference.LabeledEnum;

/** What an import did (or, in a dry run, would do) with one item. */
public enum ImportOutcome implements LabeledEnum {
  CREATED,
  UPDATED,
  UNCHANGED,
  ERROR
}
