package vn.danvan.sync;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeFeedPage", description = "Một lô thay đổi và vị trí để đọc tiếp.")
public record ChangeFeedPage(
    @Schema(description = "Các thay đổi theo thứ tự của luồng.") List<ChangeResponse> items,
    @Schema(
            description =
                "Vị trí đọc tiếp: luôn có, kể cả khi lô rỗng; gửi lại qua tham số after ở lần hỏi sau.",
            examples = "eyJsIjoiY2hhbmdlcyIsImsiOlsiNzg5IiwiMTIiXX0")
        String next) {}
