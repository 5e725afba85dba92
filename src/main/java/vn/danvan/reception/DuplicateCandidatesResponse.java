package vn.danvan.reception;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DuplicateCandidates",
    description = "Các vụ việc có thể trùng với một lượt tiếp, trong phạm vi của người gọi.")
public record DuplicateCandidatesResponse(
    @Schema(description = "Các vụ việc gợi ý, trùng người trước.")
        List<DuplicateCandidate> items) {}
