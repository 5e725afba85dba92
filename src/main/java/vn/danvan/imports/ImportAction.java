package vn.danvan.imports;

/** The commands of an import job (named in ILLEGAL_TRANSITION problems and audit events). */
enum ImportAction {
  CANCEL
}
