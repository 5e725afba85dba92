package vn.danvan.imports;

import vn.danvan.shared.reference.LabeledEnum;

/** The lifecycle of an import job. */
public enum ImportStatus implements LabeledEnum {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether the job has ended (its counts and results are final). */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
