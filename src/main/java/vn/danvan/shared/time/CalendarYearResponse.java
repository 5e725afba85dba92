package vn.danvan.shared.time;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarYear", description = "Lịch làm việc của một năm.")
public record CalendarYearResponse(
    @Schema(description = "Năm.", examples = "2026") int year,
    @Schema(description = "Số ngày làm việc trong năm.", examples = "247") int workingDays,
    @Schema(
            description =
                "Các ngày khác quy tắc mặc định (thứ Hai đến thứ Sáu làm việc, thứ Bảy và Chủ nhật nghỉ),"
                    + " theo ngày.")
        List<CalendarDayResponse> items) {}
