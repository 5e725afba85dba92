package vn.danvan;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests as one of the demo accounts (HTTP Basic, password = username). */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String user) {
    return given()
        .auth()
        .preemptive()
        .basic(user, user)
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }
}
