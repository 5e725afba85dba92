package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Mục đích gửi văn bản tới nơi nhận.", examples = "EXECUTE")
public enum RecipientPurpose implements LabeledEnum {
  EXECUTE,
  COORDINATE,
  REPORT_TO,
  FOR_INFORMATION,
  ARCHIVE;
}
