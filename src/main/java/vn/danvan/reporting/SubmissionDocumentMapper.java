package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.directive.DirectiveResponse;
import vn.danvan.directive.DirectiveService;
import vn.danvan.reporting.export.ReportDocumentModel;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.InfoLine;
import vn.danvan.reporting.export.ReportDocumentModel.Section;

/**
 * A report (its working copy or a frozen version) as the document its unit sends: the unit's
 * letterhead, the number of the issued Báo cáo it names, the trích yếu of the period, the sections
 * of its template version with their texts and figures, nơi nhận and the signature block.
 */
@ApplicationScoped
public class SubmissionDocumentMapper {

  static final String SUBJECT = "Kết quả thực hiện công tác dân vận chính quyền ";

  @Inject ReportTemplateService templates;
  @Inject ReportingRegimeRepository regimes;
  @Inject ReportLetterhead letterheads;
  @Inject DirectiveService directives;

  /** The working copy of the report. */
  public ReportDocumentModel map(ReportSubmissionResponse s) {
    return map(s, null);
  }

  /**
   * The report as of {@code version} (its values, texts, template version, document and day of
   * sending), or its working copy when {@code version} is null.
   */
  public ReportDocumentModel map(ReportSubmissionResponse s, ReportSubmissionVersionResponse v) {
    Map<String, SubmissionValueResponse> values = v == null ? s.values() : v.values();
    Map<String, String> narratives = v == null ? s.narratives() : v.narratives();
    int templateNumber = v == null ? s.templateVersion() : v.templateVersion();
    UUID documentId = v == null ? s.reportDocumentId() : v.reportDocumentId();
    Instant sentAt = v == null ? s.submittedAt() : v.submittedAt();
    LocalDate start = PeriodCode.tryParse(s.period()).map(PeriodCode::start).orElse(null);

    ReportLetterhead.Letterhead head = letterheads.of(s.orgUnitId(), s.orgUnitName(), start);
    Optional<DirectiveResponse> document =
        documentId != null && directives.readable(documentId)
            ? Optional.of(directives.get(documentId))
            : Optional.empty();
    Integer number = document.map(DirectiveResponse::number).orElse(null);
    String symbol =
        document.map(DirectiveResponse::symbol).filter(x -> !x.isBlank()).orElse(head.symbol());
    String place =
        document.map(DirectiveResponse::place).filter(x -> !x.isBlank()).orElse(head.place());
    LocalDate date = document.map(DirectiveResponse::issueDate).orElse(ReportFigures.day(sentAt));

    List<Section> sections =
        sections(
            templates.sections(s.templateId(), templateNumber),
            values == null ? Map.of() : values,
            narratives == null ? Map.of() : narratives);
    List<String> recipients = new ArrayList<>();
    if (s.collectingUnitName() != null) {
      recipients.add(s.collectingUnitName());
    }
    recipients.add("Lưu: VT");
    return new ReportDocumentModel(
        head.parentBody(),
        head.issuingBody(),
        number,
        symbol,
        place,
        date,
        "Báo cáo",
        SUBJECT + PeriodLabels.of(s.period()),
        info(s, v),
        sections,
        recipients,
        ReportLetterhead.signer(head, document),
        null);
  }

  /** The template's sections in order, with the texts written and the figures of the report. */
  static List<Section> sections(
      List<TemplateSection> template,
      Map<String, SubmissionValueResponse> values,
      Map<String, String> narratives) {
    List<Section> out = new ArrayList<>();
    for (TemplateSection section : template) {
      List<IndicatorRow> rows = new ArrayList<>();
      if (section.indicators() != null) {
        for (TemplateIndicator i : section.indicators()) {
          SubmissionValueResponse value = values.get(i.code());
          rows.add(
              new IndicatorRow(
                  i.code(),
                  i.labelVi(),
                  i.measurementUnit(),
                  ReportFigures.value(value == null ? null : value.value()),
                  ReportFigures.value(value == null ? null : value.computed()),
                  ReportFigures.target(i),
                  value != null && value.differs(),
                  null));
        }
      }
      out.add(new Section(section.code(), section.titleVi(), narratives.get(section.code()), rows));
    }
    return out;
  }

  private List<InfoLine> info(ReportSubmissionResponse s, ReportSubmissionVersionResponse v) {
    List<InfoLine> info = new ArrayList<>();
    ReportingRegime regime = regimes.find(s.regimeId());
    if (regime != null) {
      info.add(new InfoLine("Chế độ báo cáo", regime.name));
    }
    info.add(new InfoLine("Kỳ báo cáo", PeriodLabels.withCode(s.period())));
    info.add(new InfoLine("Đơn vị báo cáo", s.orgUnitName()));
    info.add(new InfoLine("Đơn vị nhận báo cáo", s.collectingUnitName()));
    info.add(new InfoLine("Hạn gửi", ReportFigures.format(s.dueDate())));
    if (v == null) {
      String status = s.status().labelVi();
      if (Boolean.TRUE.equals(s.late())) {
        status += " (gửi muộn)";
      }
      info.add(new InfoLine("Trạng thái", status));
      info.add(
          new InfoLine(
              "Phiên bản",
              s.versionCount() == 0
                  ? "Bản đang soạn, chưa gửi"
                  : "Bản hiện hành (đã gửi " + s.versionCount() + " lần)"));
    } else {
      String sent = "Phiên bản " + v.number() + ", gửi ngày " + sentDay(v.submittedAt());
      if (v.late()) {
        sent += " (muộn)";
      }
      info.add(new InfoLine("Phiên bản", sent));
      if (v.decision() != null) {
        info.add(new InfoLine("Quyết định", v.decision().labelVi()));
      }
    }
    return info;
  }

  private static String sentDay(Instant at) {
    return ReportFigures.format(ReportFigures.day(at));
  }
}
