package vn.danvan.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportingRegimeInput",
    description =
        "Một chế độ báo cáo khi tạo hoặc sửa dự thảo. Trạng thái không sửa trực tiếp: dùng ACTIVATE, RETIRE.")
public record ReportingRegimeRequest(
    @NotBlank
        @Size(max = 50)
        @Schema(
            description =
                "Mã chế độ, duy nhất: chữ in hoa không dấu, chữ số, _ . - (tối đa 50 ký tự).",
            examples = "BC-DVCQ-HCM-QUY",
            required = true)
        String code,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên chế độ báo cáo.",
            examples = "Báo cáo quý công tác dân vận chính quyền của các xã, phường, đặc khu",
            required = true)
        String name,
    @NotNull
        @Schema(
            description = "Mẫu báo cáo.",
            examples = "00000000-0000-4b0c-9021-000000000001",
            required = true)
        UUID templateId,
    @NotNull
        @Min(1)
        @Max(Integer.MAX_VALUE)
        @Schema(
            description = "Số phiên bản của mẫu; phải là phiên bản đã ban hành (PUBLISHED).",
            examples = "1",
            required = true)
        Integer templateVersion,
    @NotNull
        @Schema(
            description =
                "Tần suất (mỗi chế độ một tần suất; AD_HOC không dùng cho chế độ định kỳ).",
            examples = "QUARTERLY",
            required = true)
        ReportingFrequency frequency,
    @NotBlank
        @Size(max = 10)
        @Schema(
            description =
                "Kỳ đầu tiên, mã kỳ của tần suất (2026M05, 2026Q2, 2026S1, 2026N9, 2026).",
            examples = "2026Q3",
            required = true)
        String firstPeriod,
    @Size(max = 10)
        @Schema(
            description = "Kỳ cuối cùng (không trước kỳ đầu); vắng: không thời hạn.",
            examples = "2027Q4")
        String lastPeriod,
    @Schema(
            description =
                "Văn bản đặt ra chế độ báo cáo (kế hoạch, chỉ thị), phải xem được với người gọi.",
            examples = "00000000-0000-4d0c-9022-079000000246")
        UUID sourceDirectiveId,
    @Valid
        @Schema(
            description = "Thời gian chốt số liệu; vắng: theo Nghị định 09/2019/NĐ-CP.",
            nullable = true)
        RegimeCutOff cutOff,
    @NotNull
        @Size(min = 1, max = 10)
        @Schema(
            description =
                "Hạn gửi của từng cấp trong chuỗi báo cáo, cấp gửi trước đứng trước (1–10).",
            required = true,
            maxItems = 10)
        List<@NotNull @Valid RegimeLevelRule> dueDates,
    @NotNull
        @Valid
        @Schema(
            description =
                "Ngày khóa số liệu: sau ngày này chỉ đơn vị nhận báo cáo mở lại được; không trước hạn gửi cuối"
                    + " cùng.",
            required = true)
        RegimeDateRule lock,
    @NotNull
        @Schema(
            description =
                "Đơn vị nhận và tổng hợp báo cáo; phải tồn tại vào ngày đầu kỳ đầu tiên và trong phạm vi người"
                    + " gọi. Không kỳ nào bắt đầu sau ngày đơn vị này thôi tồn tại.",
            examples = "831b30fd-f4a3-3798-b3f2-e27830ab027b",
            required = true)
        UUID collectingUnitId,
    @NotNull @Valid @Schema(description = "Các đơn vị phải báo cáo.", required = true)
        ReportingUnitsSpec reportingUnits) {}
