package vn.danvan.directive;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.orgunit.OrgUnitKind;

@Schema(
    name = "DirectiveObligations",
    description =
        "Yêu cầu các đơn vị ban hành văn bản triển khai trước một hạn. Khi ban hành văn bản, mỗi đơn vị được"
            + " yêu cầu (tồn tại vào ngày ban hành) có một nghĩa vụ; nghĩa vụ hoàn thành khi đơn vị (hoặc đơn vị"
            + " kế thừa) ban hành văn bản triển khai (IMPLEMENTS) văn bản này.")
public record ObligationSpec(
    @NotNull
        @Schema(
            description =
                "Đơn vị phải triển khai: RECIPIENTS (nơi nhận trong cây với mục đích EXECUTE), CHILD_UNITS_OF_KIND"
                    + " (đơn vị trực thuộc trực tiếp của cơ quan ban hành, thuộc cấp kind) hoặc DESCENDANT_UNITS_OF_KIND"
                    + " (mọi đơn vị thuộc cấp kind trong cây của cơ quan ban hành).",
            examples = "RECIPIENTS",
            required = true)
        ObligationTargets targets,
    @Schema(
            description =
                "Cấp của đơn vị phải triển khai; bắt buộc với CHILD_UNITS_OF_KIND và DESCENDANT_UNITS_OF_KIND, vắng với"
                    + " RECIPIENTS.",
            examples = "COMMUNE")
        OrgUnitKind kind,
    @NotNull
        @Schema(
            description = "Hạn ban hành văn bản triển khai (theo lịch Việt Nam, tính cả ngày này).",
            examples = "2022-01-31",
            required = true)
        LocalDate dueDate) {}
