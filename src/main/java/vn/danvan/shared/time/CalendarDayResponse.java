package vn.danvan.shared.time;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(name = "CalendarDay", description = "Một ngày được liệt kê của lịch làm việc.")
public record CalendarDayResponse(
    @Schema(
            description =
                "Mã của ngày trong nhật ký kiểm toán và luồng thay đổi (entityType CALENDAR_DAY); suy ra từ"
                    + " ngày, không đổi.",
            examples = "0b0f4d6e-2c1a-3f5e-9a7b-1c2d3e4f5a6b")
        UUID id,
    @Schema(description = "Ngày.", examples = "2026-02-16") LocalDate date,
    @Schema(description = "Loại ngày.", examples = "HOLIDAY") CalendarDayKind kind,
    @Schema(description = "Tên ngày (tiếng Việt).", examples = "Tết Nguyên đán") String name,
    @Schema(description = "Tên ngày (tiếng Anh).", examples = "Lunar New Year (Tết)") String nameEn,
    @Schema(
            description = "Căn cứ: số thông báo nếu có, nếu không thì điều luật.",
            examples = "Bộ luật Lao động 2019, Điều 112")
        String legalBasis,
    @Schema(description = "Có phải ngày làm việc (chỉ đúng với ngày làm bù).", examples = "false")
        boolean workingDay,
    @Schema(description = "Phiên bản (ETag).", examples = "0") long version)
    implements Versioned {

  static CalendarDayResponse of(CalendarDay d) {
    return new CalendarDayResponse(
        CalendarService.idOf(d.date()),
        d.date(),
        d.kind(),
        d.nameVi(),
        d.nameEn(),
        d.legalBasis(),
        d.workingDay(),
        d.version());
  }
}
