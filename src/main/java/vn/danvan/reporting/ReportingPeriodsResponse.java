package vn.danvan.reporting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportingPeriods",
    description =
        "Các kỳ của một chế độ báo cáo trong khoảng được hỏi, theo thứ tự (không phân trang).")
public record ReportingPeriodsResponse(
    @Schema(description = "Các kỳ, mỗi kỳ kèm số đơn vị phải báo cáo.")
        List<ReportingPeriodResponse> items) {}
