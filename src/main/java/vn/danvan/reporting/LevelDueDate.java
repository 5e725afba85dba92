package vn.danvan.reporting;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The day by which one level of the chain submits its report of a period. */
@Schema(name = "ReportingLevelDate", description = "Hạn gửi báo cáo của một cấp trong một kỳ.")
public record LevelDueDate(
    @Schema(description = "Mã cấp.", examples = "COMMUNE") String level,
    @Schema(description = "Hạn gửi (ngày làm việc; tính cả ngày này).", examples = "2023-05-04")
        LocalDate dueDate) {}
