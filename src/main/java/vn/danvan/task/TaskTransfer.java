package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.orgunit.RestructuringListener;

/**
 * The open tasks of a closed unit pass to its successor when the tree is restructured. A task has
 * one lead unit, so when a unit is split it goes to the successor that took the unit in full, else
 * to the first one named. Runs inside the restructuring's transaction (a dry run rolls it back).
 */
@ApplicationScoped
class TaskTransfer implements RestructuringListener {

  @Inject TaskService tasks;

  @Override
  public List<Transfer> onRestructured(Event event) {
    Map<UUID, UUID> successor = event.successorOfEach();
    List<Transfer> transfers = new ArrayList<>();
    successor.forEach(
        (from, to) -> {
          int count = tasks.transferOpenTasks(from, to, event.effectiveDate());
          if (count > 0) {
            transfers.add(new Transfer(TaskService.ENTITY, from, to, count));
          }
        });
    // units that moved in the tree (MOVE, children of a merged unit) take their tasks along
    tasks.followTree(event.effectiveDate());
    return transfers;
  }
}
