package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.orgunit.OrgUnitKind;

/** The units that report under a regime, in a body and in answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ReportingUnits",
    description =
        "Các đơn vị phải báo cáo, xác định cho từng kỳ theo cây đơn vị vào ngày đầu kỳ: danh sách (UNITS), hoặc"
            + " các đơn vị một cấp trực thuộc (CHILD_UNITS_OF_KIND) hay trong cây (DESCENDANT_UNITS_OF_KIND) của"
            + " ofUnitId, cộng thêm các đơn vị trong unitIds. Đơn vị trong danh sách đã giải thể hoặc sáp nhập"
            + " trước ngày đầu kỳ được thay bằng đơn vị kế thừa (theo quan hệ kế thừa, từ ngày hiệu lực).")
public record ReportingUnitsSpec(
    @NotNull
        @Schema(description = "Cách xác định.", examples = "CHILD_UNITS_OF_KIND", required = true)
        ReportingUnitTargets targets,
    @Schema(
            description =
                "Cấp đơn vị; bắt buộc với CHILD_UNITS_OF_KIND và DESCENDANT_UNITS_OF_KIND, vắng với UNITS.",
            examples = "COMMUNE")
        OrgUnitKind kind,
    @Schema(
            description =
                "Đơn vị có các đơn vị trực thuộc (hoặc cây) phải báo cáo; mặc định là đơn vị nhận báo cáo. Phải tồn"
                    + " tại vào ngày đầu kỳ đầu tiên và trong phạm vi người gọi. Vắng với UNITS.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID ofUnitId,
    @Size(max = 1000)
        @Schema(
            description =
                "UNITS: các đơn vị phải báo cáo (1–1000); với hai cách còn lại: các đơn vị báo cáo thêm (có thể"
                    + " trống). Mỗi đơn vị phải tồn tại vào ngày đầu kỳ đầu tiên và trong phạm vi người gọi.",
            maxItems = 1000)
        List<@NotNull UUID> unitIds) {}
