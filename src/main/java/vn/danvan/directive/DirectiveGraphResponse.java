package vn.danvan.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DirectiveGraph",
    description =
        "Cây văn bản quanh một văn bản: các văn bản triển khai nó (cascade) hoặc các văn bản nó triển khai, căn cứ (basis).")
public record DirectiveGraphResponse(
    @Schema(
            description = "Văn bản gốc của truy vấn.",
            examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
        UUID directiveId,
    @Schema(description = "Các nút, theo tầng rồi theo ngày ban hành.") List<Node> items) {

  @Schema(
      name = "DirectiveGraphNode",
      description =
          "Một văn bản trong cây, với cơ quan ban hành. Văn bản mật (độ mật khác NONE) mà người gọi không được đọc"
              + " (phạm vi không chứa cơ quan ban hành hay đơn vị nhận) hiện trong cây triển khai như một nút ẩn"
              + " (undisclosed = true): chỉ có directiveId, parentId, depth và relation, không có số, trích yếu, trạng thái,"
              + " ngày hay cơ quan ban hành; các văn bản triển khai nó vẫn nối vào nút đó. Trong chuỗi căn cứ, văn bản"
              + " như vậy không hiện.")
  public record Node(
      @Schema(
              description = "Văn bản (vắng với trích dẫn bằng chữ).",
              examples = "0b8f7f0e-5c1d-4c6e-9a57-3f1f3f0f2a11")
          UUID directiveId,
      @Schema(
              description =
                  "Văn bản nối với nút này ở tầng trên: văn bản được triển khai (cascade) hoặc văn bản dẫn chiếu (basis).",
              examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
          UUID parentId,
      @Schema(description = "Tầng, tính từ văn bản gốc (1 = trực tiếp).", examples = "1") int depth,
      @Schema(description = "Quan hệ của cạnh dẫn tới nút.", examples = "IMPLEMENTS")
          ReferenceRelation relation,
      @Schema(
              description =
                  "Nút ẩn: văn bản mật mà người gọi không được đọc; chỉ có mã, nút cha, tầng và quan hệ.",
              examples = "false")
          boolean undisclosed,
      @Schema(description = "Loại văn bản.", examples = "KE_HOACH") DirectiveType type,
      @Schema(description = "Số, ký hiệu.", examples = "847/KH-UBND") String fullNumber,
      @Schema(
              description = "Trích yếu.",
              examples =
                  "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023 trên địa bàn quận Gò Vấp")
          String title,
      @Schema(description = "Trạng thái.", examples = "ISSUED") DirectiveStatus status,
      @Schema(description = "Ngày ban hành.", examples = "2023-03-10") LocalDate issueDate,
      @Schema(
              description = "Cơ quan ban hành trong cây đơn vị.",
              examples = "00000000-0000-4000-8002-000000000764")
          UUID issuingUnitId,
      @Schema(
              description =
                  "Tên cơ quan ban hành vào ngày ban hành (hoặc tên cơ quan ngoài hệ thống).",
              examples = "Quận Gò Vấp")
          String issuingUnitName,
      @Schema(
              description = "Trích dẫn bằng chữ (văn bản không có trong hệ thống).",
              examples = "Kế hoạch số 55/KH-UBND ngày 11 tháng 01 năm 2023 của UBND quận Gò Vấp")
          String citation) {

    /** A secret document the caller may not read: its place in the tree, nothing of its content. */
    static Node undisclosed(UUID id, UUID parentId, int depth, ReferenceRelation relation) {
      return new Node(
          id, parentId, depth, relation, true, null, null, null, null, null, null, null, null);
    }
  }
}
