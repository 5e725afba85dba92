package vn.danvan.imports;

import vn.danvan.shared.reference.LabeledEnum;

/** How an import treats failing items. */
public enum ImportMode implements LabeledEnum {
  /** All items or none: one transaction, any item error rolls everything back. */
  ATOMIC,
  /** Each item on its own: valid items are written, failing ones are reported. */
  PER_ITEM
}
