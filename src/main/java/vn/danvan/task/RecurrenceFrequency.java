package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Chu kỳ của nhiệm vụ định kỳ.", examples = "SEMIANNUAL")
public enum RecurrenceFrequency implements LabeledEnum {
  MONTHLY(1),
  QUARTERLY(3),
  SEMIANNUAL(6),
  YEARLY(12);

  final int months;

  RecurrenceFrequency(int months) {
    this.months = months;
  }
}
