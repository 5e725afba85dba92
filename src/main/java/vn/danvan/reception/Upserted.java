package vn.danvan.reception;

import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.http.Versioned;
import vn.danvan.shared.source.UpsertOutcome;

/** What an upsert did and the record it answers. */
record Upserted<T extends Versioned>(UpsertOutcome outcome, T body) {

  /** 201 with Location and ETag when created, else 200 with the ETag. */
  RestResponse<T> toResponse(String collection) {
    return outcome == UpsertOutcome.CREATED
        ? Responses.created(collection, body)
        : Responses.ok(body);
  }
}
