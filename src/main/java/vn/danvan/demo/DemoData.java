package vn.danvan.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.shared.security.CurrentUser;

/**
 * Loads the demo data on start-up ({@code danvan.demo.load}, by default in the embedded mode): the
 * loaders of {@link #STEPS}, one after the other, as the system user. Each builds on the ones
 * before it and finds with one query whether its data is there, so a second start loads nothing.
 * Then, on its own switch ({@code danvan.demo.national-dataset}), the national tree of units: after
 * the demo world, which would otherwise find its root there and not load.
 */
@ApplicationScoped
public class DemoData {

  /** After the security mode and the port check (both lower). */
  public static final int STARTUP_PRIORITY = 100;

  /** The loaders, in the order they run: a feature's demo data is one more line here. */
  static final List<Class<? extends DemoStep>> STEPS =
      List.of(
          DemoWorld.class, // the units, before and after the 2025 reform
          DemoDirectives.class, // the documents of the units
          DemoTasks.class, // the tasks of two documents
          ReceptionDemoData.class, // the reception book of the wards
          DemoReportTemplates.class, // the report template of Bộ Nội vụ
          DemoReportingRegimes.class, // the regimes of Gò Vấp's KH 847 and of TP HCM
          DemoReportSubmissions.class, // their reports of 2023 and 2026
          DemoDialogues.class, // the grassroots dialogues of the wards
          DemoGoodPracticeModels.class); // the "Dân vận khéo" models of the wards and provinces

  private static final Logger LOG = Logger.getLogger(DemoData.class);

  @Inject Instance<DemoStep> steps;
  @Inject CurrentUser user;
  @Inject NationalDataset nationalDataset;

  @ConfigProperty(name = "danvan.demo.load")
  Optional<Boolean> load;

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embedded;

  @ConfigProperty(name = "danvan.demo.national-dataset", defaultValue = "false")
  boolean national;

  void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
    if (load.orElse(embedded)) {
      loadIfAbsent();
    }
    if (national) {
      loadNationalDataset();
    }
  }

  /** Runs every step in order; each loads its data once. */
  @ActivateRequestContext
  public void loadIfAbsent() {
    user.actAsSystem("system:demo-data");
    for (Class<? extends DemoStep> step : STEPS) {
      steps.select(step).get().loadIfAbsent();
    }
  }

  private void loadNationalDataset() {
    NationalDataset.Result result = nationalDataset.load();
    if (result.alreadyLoaded()) {
      LOG.infof("National data set already loaded (checked in %d ms)", result.elapsedMillis());
    } else {
      LOG.infof(
          "National data set: %d units, %d versions, %d lineage edges inserted in %d ms",
          result.units(), result.versions(), result.lineage(), result.elapsedMillis());
    }
  }
}
