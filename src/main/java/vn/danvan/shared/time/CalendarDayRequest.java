package vn.danvan.shared.time;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "CalendarDayRequest",
    description =
        "Một ngày của lịch làm việc: ngày lễ, nghỉ bù, nghỉ hoán đổi (ngày thường) hoặc làm bù (thứ Bảy,"
            + " Chủ nhật).")
public record CalendarDayRequest(
    @NotNull
        @Schema(
            description =
                "Loại ngày. COMPENSATORY_DAY_OFF, SWAPPED_DAY_OFF chỉ rơi vào ngày thường; SWAPPED_WORKING_DAY chỉ"
                    + " rơi vào thứ Bảy, Chủ nhật.",
            examples = "HOLIDAY",
            required = true)
        CalendarDayKind kind,
    @NotBlank
        @Size(max = 200)
        @Schema(
            description = "Tên ngày (tiếng Việt).",
            examples = "Tết Nguyên đán",
            required = true)
        String name,
    @Size(max = 200)
        @Schema(description = "Tên ngày (tiếng Anh).", examples = "Lunar New Year (Tết)")
        String nameEn,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Căn cứ: số thông báo nếu có, nếu không thì điều luật.",
            examples = "Bộ luật Lao động 2019, Điều 112",
            required = true)
        String legalBasis) {}
