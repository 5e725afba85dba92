package vn.danvan.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One section of a report, in order: a narrative text or a table of indicators. */
@Schema(
    name = "ReportTemplateSection",
    description =
        "Một mục của mẫu báo cáo, theo thứ tự: mục lời văn (narrative, như Kết quả đạt được; Tồn tại, hạn chế;"
            + " Phương hướng, nhiệm vụ; Đề xuất, kiến nghị) hoặc mục gồm các chỉ tiêu.")
public record TemplateSection(
    @NotBlank
        @Size(max = 50)
        @Schema(
            description =
                "Mã mục, duy nhất trong mẫu: chữ in hoa không dấu, chữ số, _ . - (tối đa 50 ký tự).",
            examples = "TIEP_CONG_DAN",
            required = true)
        String code,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên mục tiếng Việt.",
            examples = "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            required = true)
        String titleVi,
    @Size(max = 500)
        @Schema(
            description = "Tên mục tiếng Anh.",
            examples = "Citizen reception, complaints and denunciations")
        String titleEn,
    @Size(max = 4000)
        @Schema(
            description = "Hướng dẫn ghi mục này cho đơn vị báo cáo.",
            examples = "Số liệu tính từ ngày đầu đến ngày cuối kỳ báo cáo.")
        String guidance,
    @Schema(
            description =
                "Mục lời văn tự do (mặc định false): không có chỉ tiêu, đơn vị báo cáo viết nội dung.",
            examples = "false")
        Boolean narrative,
    @Size(max = 200)
        @Schema(
            description = "Các chỉ tiêu của mục, theo thứ tự (tối đa 200; mục lời văn: không có).")
        List<@NotNull @Valid TemplateIndicator> indicators) {}
