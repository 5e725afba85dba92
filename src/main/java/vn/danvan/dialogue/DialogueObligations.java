package vn.danvan.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;

/**
 * The dialogues' obligations for the agenda: each dialogue that binds (not cancelled) owes its
 * announcement and its results (one SQL query over the dialogue table, paged by the agenda's key);
 * each commune-level unit owes one dialogue a year (reckoned from the units of each year under the
 * selection, read through OrgUnitService, and the first dialogue each held that year; counted
 * without building the obligations).
 */
@ApplicationScoped
class DialogueObligations implements ObligationSource {

  private static final Set<ObligationKind> KINDS =
      EnumSet.of(
          ObligationKind.DIALOGUE_ANNOUNCEMENT,
          ObligationKind.DIALOGUE_RESULTS,
          ObligationKind.DIALOGUE_YEARLY);

  @Inject DialogueRepository repo;
  @Inject DialogueService dialogues;

  @Override
  public Set<ObligationKind> kinds() {
    return KINDS;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Obligation> page(ObligationQuery q) {
    if (!q.wantsAny(KINDS) || q.limit() <= 0) {
      return List.of();
    }
    Comparator<ObligationKey> order =
        q.descending() ? ObligationKey.ORDER.reversed() : ObligationKey.ORDER;
    List<Obligation> all = new ArrayList<>(repo.obligations(q));
    all.addAll(dialogues.yearlyObligations(q, true));
    all.sort(Comparator.comparing(Obligation::key, order));
    return all.size() > q.limit() ? List.copyOf(all.subList(0, q.limit())) : all;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObligationCount> count(
      ObligationQuery q, ObligationGrouping groupBy, int groupLevel) {
    if (!q.wantsAny(KINDS)) {
      return List.of();
    }
    List<ObligationCount> out = new ArrayList<>(repo.obligationCounts(q, groupBy, groupLevel));
    out.addAll(dialogues.yearlyCounts(q, groupBy, groupLevel));
    return out;
  }

  /** The agenda's title of a dialogue's obligation. */
  static String title(ObligationKind kind, String topic) {
    return (kind == ObligationKind.DIALOGUE_ANNOUNCEMENT
            ? "Thông báo hội nghị đối thoại: "
            : "Công khai kết quả hội nghị đối thoại: ")
        + topic;
  }
}
