package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Identity documents: citizen identity card (12 digits), the older 9-digit ID card, passport. */
public enum IdentityDocumentType implements LabeledEnum {
  CCCD,
  CMND,
  PASSPORT
}
