package vn.danvan.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One figure of a report: its stable code, labels, type, consolidation rule, bounds and target. */
@Schema(
    name = "ReportIndicator",
    description =
        "Một chỉ tiêu (số liệu) của mẫu báo cáo. Mã chỉ tiêu ổn định và duy nhất trong mẫu: báo cáo và tổng hợp đọc"
            + " giá trị theo mã.")
public record TemplateIndicator(
    @NotBlank
        @Size(max = 50)
        @Schema(
            description =
                "Mã chỉ tiêu, duy nhất trong mẫu: chữ in hoa không dấu, chữ số, _ . - (tối đa 50 ký tự).",
            examples = "TCD_LUOT",
            required = true)
        String code,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên chỉ tiêu tiếng Việt.",
            examples = "Số lượt tiếp công dân",
            required = true)
        String labelVi,
    @Size(max = 500)
        @Schema(description = "Tên chỉ tiêu tiếng Anh.", examples = "Citizen visits received")
        String labelEn,
    @Size(max = 50)
        @Schema(description = "Đơn vị tính (người, lượt, vụ việc, văn bản, %).", examples = "lượt")
        String measurementUnit,
    @NotNull @Schema(description = "Kiểu giá trị.", examples = "INTEGER", required = true)
        IndicatorType type,
    @NotNull
        @Schema(
            description =
                "Cách tổng hợp lên cấp trên. SUM, AVG, WEIGHTED_AVG, MIN, MAX cho chỉ tiêu số; COUNT_TRUE cho"
                    + " BOOLEAN; TEXT chỉ NONE.",
            examples = "SUM",
            required = true)
        IndicatorAggregation aggregation,
    @Size(max = 50)
        @Schema(
            description =
                "Mã chỉ tiêu trọng số (chỉ tiêu số khác trong cùng mẫu); bắt buộc với WEIGHTED_AVG và chỉ dùng khi đó.")
        String weightCode,
    @Schema(description = "Bắt buộc nhập khi báo cáo (mặc định false).", examples = "true")
        Boolean required,
    @Digits(integer = 15, fraction = 4)
        @Schema(
            description =
                "Giá trị nhỏ nhất cho phép (chỉ tiêu số; PERCENT trong 0–100; INTEGER là số nguyên).",
            examples = "0")
        BigDecimal min,
    @Digits(integer = 15, fraction = 4)
        @Schema(description = "Giá trị lớn nhất cho phép (không nhỏ hơn min).", examples = "100000")
        BigDecimal max,
    @Valid @Schema(description = "Chỉ tiêu phấn đấu (tùy chọn).") IndicatorTarget target,
    @Valid @Schema(description = "Nguồn số liệu hệ thống tính sẵn (tùy chọn).")
        IndicatorSourceSpec source) {}
