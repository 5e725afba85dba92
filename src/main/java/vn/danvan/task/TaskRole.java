package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Vai trò của đơn vị lọc đối với nhiệm vụ: chủ trì (LEAD), phối hợp (COORDINATING) hoặc một trong hai (ANY).",
    examples = "LEAD")
public enum TaskRole implements LabeledEnum {
  LEAD,
  COORDINATING,
  ANY
}
