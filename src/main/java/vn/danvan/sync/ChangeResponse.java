package vn.danvan.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.agenda.ObligationNoticeResponse;
import vn.danvan.dialogue.DialogueResponse;
import vn.danvan.directive.DirectiveResponse;
import vn.danvan.models.GoodPracticeModelResponse;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.reception.CaseResponse;
import vn.danvan.reception.SessionResponse;
import vn.danvan.reception.VisitResponse;
import vn.danvan.reporting.ReportConsolidationResponse;
import vn.danvan.reporting.ReportSubmissionResponse;
import vn.danvan.reporting.ReportTemplateResponse;
import vn.danvan.reporting.ReportingRegimeResponse;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.audit.EntityType;
import vn.danvan.shared.time.CalendarDayResponse;
import vn.danvan.task.ExtensionResponse;
import vn.danvan.task.TaskResponse;
import vn.danvan.webhooks.WebhookSubscriptionResponse;

@Schema(
    name = "Change",
    description =
        "Một thay đổi trong luồng đồng bộ: bản ghi được tạo/sửa (UPSERT) hoặc bị xóa (DELETE, bia mộ:"
            + " chỉ có loại, mã, đơn vị).")
public record ChangeResponse(
    @Schema(allOf = EntityType.class, description = "Loại đối tượng.", examples = "ORG_UNIT")
        String entityType,
    @Schema(description = "Mã đối tượng.", examples = "00000000-0000-4000-8004-000000026882")
        UUID entityId,
    @Schema(
            allOf = AuditTrail.Operation.class,
            description =
                "UPSERT: bản ghi được tạo hoặc sửa (nội dung trong record khi include=record, nếu"
                    + " không thì đọc lại bản ghi); DELETE: bản ghi đã bị xóa.",
            examples = "UPSERT")
        String operation,
    @Schema(
            description =
                "Phiên bản (ETag) của bản ghi sau thay đổi; vắng với DELETE và với loại không có"
                    + " phiên bản (DIRECTIVE_OBLIGATION: nghĩa vụ triển khai được chuyển khi sắp xếp"
                    + " đơn vị).",
            examples = "3")
        Long version,
    @Schema(description = "Đơn vị sở hữu.", examples = "00000000-0000-4000-8001-000000000079")
        UUID unitId,
    @Schema(description = "Thời điểm ghi nhận (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime changedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            type = SchemaType.OBJECT,
            anyOf = {
              OrgUnitResponse.class,
              DirectiveResponse.class,
              TaskResponse.class,
              SessionResponse.class,
              VisitResponse.class,
              CaseResponse.class,
              ReportSubmissionResponse.class,
              ReportConsolidationResponse.class,
              ReportingRegimeResponse.class,
              ReportTemplateResponse.class,
              ExtensionResponse.class,
              CalendarDayResponse.class,
              WebhookSubscriptionResponse.class,
              DialogueResponse.class,
              GoodPracticeModelResponse.class,
              ObligationNoticeResponse.class
            },
            description =
                "Chỉ với include=record, trên thay đổi UPSERT có recordStatus INCLUDED: nội dung HIỆN TẠI"
                    + " của bản ghi, đúng như GET /api/v1/{tài nguyên}/{id} trả cho người gọi (đã che"
                    + " như người gọi được xem: danh tính người tố cáo không bao giờ có; văn bản mật chỉ"
                    + " với người được đọc). Theo entityType: ORG_UNIT → OrgUnit, DIRECTIVE → Directive,"
                    + " TASK → Task, RECEPTION_SESSION → ReceptionSession, RECEPTION_VISIT →"
                    + " ReceptionVisit, RECEPTION_CASE → ReceptionCase, REPORT_SUBMISSION →"
                    + " ReportSubmission, REPORT_CONSOLIDATION → ReportConsolidation, REPORTING_REGIME →"
                    + " ReportingRegime, REPORT_TEMPLATE → ReportTemplate, TASK_EXTENSION → TaskExtension,"
                    + " CALENDAR_DAY → CalendarDay, WEBHOOK_SUBSCRIPTION → WebhookSubscription, DIALOGUE → Dialogue,"
                    + " GOOD_PRACTICE_MODEL → GoodPracticeModel, OBLIGATION_DUE_SOON và"
                    + " OBLIGATION_OVERDUE → ObligationNotice. Luồng mang trạng thái MỚI NHẤT:"
                    + " một thay đổi cũ (version nhỏ hơn record.version) mang bản ghi hiện tại, và các"
                    + " thay đổi của cùng bản ghi trong một lô mang cùng nội dung; bên đọc áp dụng theo"
                    + " version (bỏ qua nội dung không mới hơn bản đã có).")
        Object record,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Chỉ với include=record, trên thay đổi UPSERT: INCLUDED (có record), UNAVAILABLE"
                    + " (bản ghi đã xóa, đã chuyển ra ngoài phạm vi hoặc người gọi không được đọc;"
                    + " không phân biệt để không lộ sự tồn tại), NOT_SUPPORTED (loại này không có nội"
                    + " dung trong luồng). Vắng trên DELETE.",
            examples = "INCLUDED")
        FeedRecordStatus recordStatus) {

  /** The entry without its record (no {@code include=record}, or a tombstone). */
  static ChangeResponse of(ChangeFeedRepository.Entry e) {
    return new ChangeResponse(
        e.entityType(),
        e.entityId(),
        e.operation(),
        e.entityVersion(),
        e.unitId(),
        e.changedAt(),
        null,
        null);
  }

  ChangeResponse withRecord(Object record, FeedRecordStatus status) {
    return new ChangeResponse(
        entityType, entityId, operation, version, unitId, changedAt, record, status);
  }
}
