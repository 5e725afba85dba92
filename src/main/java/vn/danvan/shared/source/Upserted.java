package vn.danvan.shared.source;

import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.http.Versioned;

/** What an upsert (PUT by id or by source key) did, and the record it answers. */
public record Upserted<T extends Versioned>(UpsertOutcome outcome, T body) {

  /** 201 with Location and ETag when created, else 200 with the ETag. */
  public RestResponse<T> toResponse(String collection) {
    return outcome == UpsertOutcome.CREATED
        ? Responses.created(collection, body)
        : Responses.ok(body);
  }
}
