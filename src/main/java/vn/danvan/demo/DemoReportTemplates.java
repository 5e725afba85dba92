package vn.danvan.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.reporting.ReportTemplateAction;
import vn.danvan.reporting.ReportTemplateRequest;
import vn.danvan.reporting.ReportTemplateResponse;
import vn.danvan.reporting.ReportTemplateService;
import vn.danvan.reporting.TemplateTransitionRequest;
import vn.danvan.shared.logging.BulkLoad;

/**
 * The report template of Bộ Nội vụ, published: "Báo cáo kết quả thực hiện công tác dân vận chính
 * quyền" with its four narrative sections (results, shortcomings, directions, proposals) and the
 * indicators of reception, complaints and denunciations, the plan's tasks, implementing documents,
 * administrative reform (targets of Hà Nội's 2022 plan) and conferences (Gò Vấp's KH 847/KH-UBND).
 * The content is {@code demo/report-templates/bao-cao-dan-van-chinh-quyen.json}.
 */
@ApplicationScoped
class DemoReportTemplates implements DemoStep {

  /** The well-known id of the demo template. */
  static final UUID BAO_CAO_DAN_VAN_CHINH_QUYEN =
      UUID.fromString("00000000-0000-4b0c-9021-000000000001");

  private static final String RESOURCE = "demo/report-templates/bao-cao-dan-van-chinh-quyen.json";
  private static final Logger LOG = Logger.getLogger(DemoReportTemplates.class);

  @Inject ReportTemplateService templates;
  @Inject ObjectMapper mapper;

  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew().call(() -> templates.exists(BAO_CAO_DAN_VAN_CHINH_QUYEN));
    if (!present) {
      bulkLoad.run(LOG, "Demo report template", this::build);
    }
  }

  private void build() {
    ReportTemplateResponse created = templates.create(BAO_CAO_DAN_VAN_CHINH_QUYEN, read());
    templates.transition(
        created.id(),
        created.version(),
        new TemplateTransitionRequest(
            ReportTemplateAction.PUBLISH, "Mẫu báo cáo dùng chung của Bộ Nội vụ (dữ liệu mẫu)"));
  }

  private ReportTemplateRequest read() {
    try (InputStream in =
        DemoReportTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + RESOURCE);
      }
      return mapper.readValue(in, ReportTemplateRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
