package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.testing.Api;

/**
 * A scoped user's task list is the admin's list cut to the scope by the rule of {@code
 * danvan_scope_roots} (all the roots, led or coordinated by a unit below one), whichever path the
 * list takes: the scope test per row with the minimal roots, or none when the unit filter lies
 * inside the scope.
 */
@QuarkusTest
class TaskListScopeTest {

  static final String HCM = Api.HO_CHI_MINH;
  static final String AHT = DemoAccounts.AN_HOI_TAY.toString();

  @Inject DataSource dataSource;

  @Test
  void aScopedListIsTheAdminsListInTheScope() throws Exception {
    // led in Hà Nội, coordinated by a ward of TP HCM: visible to TP HCM through the coordinator
    String haNoiWard = TaskScopeTest.firstChild(Api.HA_NOI, null);
    Map<String, Object> coordinated = body(haNoiWard, "2031-03-01");
    coordinated.put("coordinatingUnitIds", List.of(AHT));
    String byCoordination = created("admin", coordinated);
    String led = created("admin", body(AHT, "2031-03-02"));

    for (String[] user : new String[][] {{"hcm-manager", HCM}, {"ward-officer", AHT}}) {
      Set<String> expected = visible(user[1]);
      assertThat(expected).contains(byCoordination, led);
      // the whole scope: the scope test per row
      assertThat(all(user[0], "")).as(user[0]).isEqualTo(expected);
      assertThat(all(user[0], "&state=IN_PROGRESS_IN_TERM"))
          .as(user[0])
          .isEqualTo(intersect(expected, all("admin", "&state=IN_PROGRESS_IN_TERM")));
      // the home unit's subtree, by every role and mode: the admin's answer
      for (String filter :
          List.of(
              "&orgUnitMode=DESCENDANTS",
              "&orgUnitMode=DESCENDANTS&role=ANY",
              "&orgUnitMode=DESCENDANTS&role=COORDINATING",
              "&orgUnitMode=CHILDREN",
              "&orgUnitMode=SELECTED&role=ANY")) {
        String f = "&orgUnitId=" + user[1] + filter;
        List<String> admin = pages("admin", f);
        assertThat(pages(user[0], f)).as(user[0] + f).isEqualTo(admin);
        assertThat(expected).as(user[0] + f).containsAll(admin);
      }
    }
  }

  /** Every task the admin's list holds that the old rule (all roots of the home unit) shows. */
  private Set<String> visible(String home) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select t.id from task t, (select danvan_scope_roots(cast(? as uuid)) r) s"
                    + " where t.lead_unit_path && s.r or exists (select 1 from task_coordinator c"
                    + " where c.task_id = t.id and c.unit_path && s.r)")) {
      s.setString(1, home);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return intersect(out, all("admin", ""));
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static Set<String> all(String user, String filter) {
    List<String> ids = pages(user, filter);
    Set<String> out = new HashSet<>(ids);
    assertThat(out).hasSameSizeAs(ids);
    return out;
  }

  /** Every page of the list, in order. */
  private static List<String> pages(String user, String filter) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Response r =
          json(user)
              .get(BASE + "?limit=100" + filter + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
      ids.addAll(r.jsonPath().getList("items.id"));
      cursor = r.jsonPath().getString("next");
    } while (cursor != null);
    return ids;
  }
}
