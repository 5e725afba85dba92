package vn.danvan.reporting;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The value an indicator should reach, e.g. SIPAS ≥ 85 %. */
@Schema(
    name = "ReportIndicatorTarget",
    description =
        "Chỉ tiêu phấn đấu của một chỉ tiêu số hoặc có/không, ví dụ chỉ số SIPAS ≥ 85 %, hồ sơ đúng hạn ≥ 99 %.")
public record IndicatorTarget(
    @NotNull @Schema(description = "Phép so sánh.", examples = "GTE", required = true)
        TargetOperator operator,
    @NotNull
        @Digits(integer = 15, fraction = 4)
        @Schema(
            description =
                "Giá trị mục tiêu, trong giới hạn min–max của chỉ tiêu; với BOOLEAN: 1 (có) hoặc 0 (không).",
            examples = "85",
            required = true)
        BigDecimal value) {}
