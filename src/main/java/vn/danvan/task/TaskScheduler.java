package vn.danvan.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.danvan.shared.security.CurrentUser;

/** Every night (Vietnam time) each open recurring task gets its next occurrence. */
@ApplicationScoped
class TaskScheduler {

  private static final Logger LOG = Logger.getLogger(TaskScheduler.class);

  @Inject TaskRecurrence recurrence;
  @Inject CurrentUser user;

  @Scheduled(
      identity = "task-occurrences",
      cron = "0 5 0 * * ?",
      timeZone = "Asia/Ho_Chi_Minh",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @ActivateRequestContext
  void extendSeries() {
    user.actAsSystem("system:task-occurrences");
    int created = recurrence.extendAllSeries();
    LOG.infof("Recurring tasks: %d occurrences created", created);
  }
}
