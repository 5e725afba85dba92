package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.danvan.reporting.export.ReportDocumentModel;
import vn.danvan.reporting.export.ReportDocumentModel.Consolidation;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.InfoLine;
import vn.danvan.reporting.export.ReportDocumentModel.ProvenanceRow;
import vn.danvan.reporting.export.ReportDocumentModel.Section;
import vn.danvan.reporting.export.ReportDocumentModel.UnitIssue;
import vn.danvan.reporting.export.ReportDocumentModel.UnitNote;

/**
 * A consolidation version as the collecting unit's report: its letterhead, the trích yếu of the
 * period, the template's sections with the consolidated figures (narrative sections left for the
 * officer to write), the provenance of each figure and the units missing, late or returned.
 */
@ApplicationScoped
public class ConsolidationDocumentMapper {

  static final String SUBJECT = "Tổng hợp kết quả thực hiện công tác dân vận chính quyền ";

  @Inject ReportTemplateService templates;
  @Inject ReportingRegimeRepository regimes;
  @Inject ReportLetterhead letterheads;

  public ReportDocumentModel map(ReportConsolidationResponse c) {
    LocalDate start = PeriodCode.tryParse(c.period()).map(PeriodCode::start).orElse(null);
    ReportLetterhead.Letterhead head =
        letterheads.of(c.collectingUnitId(), c.collectingUnitName(), start);
    List<TemplateSection> template = templates.sections(c.templateId(), c.templateVersion());
    Map<String, ReportConsolidationResponse.Indicator> figures = new HashMap<>();
    for (ReportConsolidationResponse.Indicator i : c.indicators()) {
      figures.put(i.code(), i);
    }
    List<Section> sections = new ArrayList<>();
    List<TemplateIndicator> indicators = new ArrayList<>();
    for (TemplateSection section : template) {
      List<IndicatorRow> rows = new ArrayList<>();
      if (section.indicators() != null) {
        for (TemplateIndicator i : section.indicators()) {
          indicators.add(i);
          ReportConsolidationResponse.Indicator f = figures.get(i.code());
          rows.add(
              new IndicatorRow(
                  i.code(),
                  i.labelVi(),
                  i.measurementUnit(),
                  ReportFigures.value(f == null ? null : f.value()),
                  null,
                  ReportFigures.target(i),
                  false,
                  f == null ? null : note(f)));
        }
      }
      sections.add(new Section(section.code(), section.titleVi(), null, rows));
    }
    List<String> recipients = new ArrayList<>();
    if (head.parentBody() != null) {
      recipients.add(head.parentBody());
    }
    recipients.add("Lưu: VT");
    return new ReportDocumentModel(
        head.parentBody(),
        head.issuingBody(),
        null,
        head.symbol(),
        head.place(),
        ReportFigures.day(c.computedAt()),
        "Báo cáo",
        SUBJECT + PeriodLabels.of(c.period()),
        info(c),
        sections,
        recipients,
        ReportLetterhead.signer(head, Optional.empty()),
        new Consolidation(provenance(indicators, c), units(c)));
  }

  /** "Cộng (17 đơn vị)", "Trung bình có trọng số theo KNTC_THU_LY (17 đơn vị)". */
  private static String note(ReportConsolidationResponse.Indicator f) {
    if (f.aggregation() == null || f.aggregation() == IndicatorAggregation.NONE) {
      return IndicatorAggregation.NONE.labelVi();
    }
    String rule = f.aggregation().labelVi();
    if (f.aggregation() == IndicatorAggregation.WEIGHTED_AVG && f.weightCode() != null) {
      rule += " theo " + f.weightCode();
    }
    return rule + " (" + f.valueCount() + " đơn vị)";
  }

  /** One row per indicator (template order) and report used, with the value the report gave. */
  private static List<ProvenanceRow> provenance(
      List<TemplateIndicator> indicators, ReportConsolidationResponse c) {
    List<ProvenanceRow> rows = new ArrayList<>();
    List<ReportConsolidationResponse.Input> inputs = c.inputs() == null ? List.of() : c.inputs();
    for (TemplateIndicator i : indicators) {
      for (ReportConsolidationResponse.Input in : inputs) {
        JsonNode value = in.values() == null ? null : in.values().get(i.code());
        rows.add(
            new ProvenanceRow(
                i.code(),
                i.labelVi(),
                in.unitName(),
                in.versionNumber(),
                ReportFigures.value(value),
                "ACCEPTED".equals(in.decision())
                    ? ReportSubmissionStatus.ACCEPTED.labelVi()
                    : ReportSubmissionStatus.SUBMITTED.labelVi(),
                Boolean.TRUE.equals(in.late())));
      }
    }
    return rows;
  }

  /** The units returned, then those missing (with their report's state), then those late. */
  private static List<UnitNote> units(ReportConsolidationResponse c) {
    List<UnitNote> notes = new ArrayList<>();
    Set<UUID> returned = new HashSet<>();
    for (ReportConsolidationResponse.UnitRef u : list(c.returnedUnits())) {
      returned.add(u.unitId());
      notes.add(new UnitNote(u.unitName(), UnitIssue.RETURNED, null));
    }
    for (ReportConsolidationResponse.UnitRef u : list(c.missingUnits())) {
      if (!returned.contains(u.unitId())) {
        notes.add(new UnitNote(u.unitName(), UnitIssue.MISSING, statusNote(u.status())));
      }
    }
    for (ReportConsolidationResponse.UnitRef u : list(c.lateUnits())) {
      notes.add(new UnitNote(u.unitName(), UnitIssue.LATE, statusNote(u.status())));
    }
    return notes;
  }

  private static String statusNote(String status) {
    if (status == null) {
      return "Chưa tạo báo cáo";
    }
    try {
      return ReportSubmissionStatus.valueOf(status).labelVi();
    } catch (IllegalArgumentException e) {
      return status;
    }
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private List<InfoLine> info(ReportConsolidationResponse c) {
    List<InfoLine> info = new ArrayList<>();
    ReportingRegime regime = regimes.find(c.regimeId());
    if (regime != null) {
      info.add(new InfoLine("Chế độ báo cáo", regime.name));
    }
    info.add(new InfoLine("Kỳ báo cáo", PeriodLabels.withCode(c.period())));
    info.add(new InfoLine("Đơn vị tổng hợp", c.collectingUnitName()));
    info.add(
        new InfoLine(
            "Phiên bản tổng hợp",
            c.number() + ", ngày " + ReportFigures.format(ReportFigures.day(c.computedAt()))));
    info.add(
        new InfoLine(
            "Báo cáo được dùng",
            c.includeSubmitted()
                ? "Phiên bản đã gửi mới nhất (kể cả chưa tiếp nhận)"
                : "Phiên bản đã tiếp nhận mới nhất"));
    info.add(
        new InfoLine(
            "Số đơn vị",
            c.inputCount()
                + "/"
                + c.expectedUnitCount()
                + " đơn vị có báo cáo được dùng; "
                + c.missingUnitCount()
                + " thiếu, "
                + c.lateUnitCount()
                + " muộn, "
                + c.returnedUnitCount()
                + " bị trả lại"));
    if (c.stale()) {
      info.add(new InfoLine("Lưu ý", "Số liệu đã cũ: có báo cáo thay đổi sau khi tổng hợp"));
    }
    return info;
  }
}
