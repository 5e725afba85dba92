package vn.danvan.shared.attachment;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart form of an upload: one file and an optional description. */
@Schema(
    name = "AttachmentUpload",
    description =
        "Biểu mẫu multipart/form-data tải lên một tệp: PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG, GIF, WEBP,"
            + " TIFF); loại tệp được nhận biết từ nội dung.")
public class AttachmentUpload {

  @RestForm("file")
  @Schema(
      type = SchemaType.STRING,
      format = "binary",
      description = "Nội dung tệp (bắt buộc). Giới hạn kích thước mặc định 20 MB.",
      required = true)
  public FileUpload file;

  @RestForm("description")
  @PartType("text/plain")
  @Size(max = 1000)
  @Schema(description = "Mô tả tệp (tùy chọn).", examples = "Bản scan văn bản đã ký, đóng dấu")
  public String description;
}
