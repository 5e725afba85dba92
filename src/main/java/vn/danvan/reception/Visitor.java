package vn.danvan.reception;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person who came (or, for a group, one of its representatives). In responses the values are
 * masked unless the caller's role needs them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ReceptionVisitor",
    description =
        "Người đến (với đoàn đông người: người đại diện). Trong phản hồi, các giá trị bị che"
            + " (Nguyễn V*** A**, 0012********) nếu vai trò của người gọi không cần xem đầy đủ.")
public record Visitor(
    @Size(max = PersonalData.MAX_NAME)
        @Schema(description = "Họ và tên (tối đa 200 ký tự).", examples = "Nguyễn Văn An")
        String fullName,
    @Schema(description = "Loại giấy tờ tùy thân.", examples = "CCCD") IdentityDocumentType idType,
    @Size(max = PersonalData.MAX_ID_NUMBER)
        @Schema(
            description =
                "Số giấy tờ: CCCD 12 chữ số (3 số đầu là mã tỉnh), CMND 9 chữ số, hộ chiếu 6–9 chữ và số;"
                    + " khoảng trắng, dấu chấm và gạch ngang được bỏ qua.",
            examples = "079099001234")
        String idNumber,
    @Size(max = PersonalData.MAX_ADDRESS)
        @Schema(
            description = "Địa chỉ.",
            examples = "12 Nguyễn Văn Lượng, Phường An Hội Tây, TP Hồ Chí Minh")
        String address,
    @Size(max = PersonalData.MAX_PHONE)
        @Schema(
            description =
                "Số điện thoại: 0 hoặc +84 rồi 9–10 chữ số; khoảng trắng, dấu chấm, gạch ngang và ngoặc"
                    + " được bỏ qua.",
            examples = "0901234567")
        String phone,
    @Schema(description = "Là người đại diện của đoàn đông người.", examples = "true")
        Boolean representative) {

  boolean isRepresentative() {
    return Boolean.TRUE.equals(representative);
  }
}
