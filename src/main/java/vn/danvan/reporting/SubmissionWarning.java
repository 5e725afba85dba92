package vn.danvan.reporting;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target not met: a warning of SUBMIT, never an error. */
@Schema(
    name = "ReportSubmissionWarning",
    description = "Cảnh báo khi gửi: chỉ tiêu chưa đạt chỉ tiêu phấn đấu (không chặn việc gửi).")
public record SubmissionWarning(
    @Schema(description = "Con trỏ JSON tới chỉ tiêu.", examples = "/values/KNTC_TY_LE")
        String pointer,
    @Schema(description = "Mã chỉ tiêu.", examples = "KNTC_TY_LE") String code,
    @Schema(description = "Mã cảnh báo.", examples = "TARGET_NOT_MET") String warning,
    @Schema(description = "Phép so sánh của chỉ tiêu phấn đấu.", examples = "GTE")
        TargetOperator operator,
    @Schema(description = "Giá trị mục tiêu.", examples = "85") BigDecimal target,
    @Schema(description = "Giá trị đã báo cáo.", examples = "80") BigDecimal value) {}
