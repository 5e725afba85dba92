/**
 * What a frontend writes against the committed contract (issue 13): the client is generated from
 * openapi/openapi.yaml by openapi-typescript, and this program must type-check with openapi-fetch
 * under tsc --strict, with no casts and no any. It is never run: .ci/contract-check only compiles it.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "danvan-api";

type Task = components["schemas"]["Task"];
type TaskInput = components["schemas"]["TaskInput"];
type Problem = components["schemas"]["Problem"];

/** True when every header in K is declared by the response (not only the catch-all index). */
type Declares<H, K extends string> = unknown extends H[K & keyof H] ? false : true;
/** True when the parameter K must be sent. */
type Requires<P, K extends keyof P> = {} extends Pick<P, K> ? false : true;

// A create answers 201 with the created record, its Location and its ETag.
const createDeclaresHeaders: Declares<
  paths["/api/v1/tasks"]["post"]["responses"][201]["headers"],
  "ETag" | "Location"
> = true;
// A transition requires If-Match (428 without it).
const transitionRequiresIfMatch: Requires<
  NonNullable<paths["/api/v1/tasks/{id}/transitions"]["post"]["parameters"]["header"]>,
  "If-Match"
> = true;
export const contractFacts = [createDeclaresHeaders, transitionRequiresIfMatch];

const api = createClient<paths>({ baseUrl: "http://localhost:8080" });

/** A problem+json answer, kept whole: its stable code and the fields it points at. */
export class ProblemError extends Error {
  readonly code: string;
  readonly fields: string[];

  constructor(readonly status: number, problem: Problem) {
    super(`${status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.code = problem.code;
    this.fields = (problem.errors ?? []).map((v) => `${v.pointer}: ${v.detail}`);
  }
}

/** Every overdue task of a unit's subtree: one page after another until there is no next. */
export async function overdueTasks(unitId: string): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const { data, error, response } = await api.GET("/api/v1/tasks", {
      params: {
        query: { orgUnitId: unitId, orgUnitMode: "DESCENDANTS", state: "OVERDUE", limit: 100, cursor },
      },
    });
    if (error) {
      throw new ProblemError(response.status, error);
    }
    tasks.push(...data.items);
    cursor = data.next ?? undefined;
  } while (cursor !== undefined);
  return tasks;
}

/** Creates a task; the 201 answers the task itself, and its ETag is the base of the next change. */
export async function createTask(
  input: TaskInput,
  idempotencyKey: string,
): Promise<{ task: Task; etag: string; location: string }> {
  const { data, error, response } = await api.POST("/api/v1/tasks", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: input,
  });
  if (error) {
    throw new ProblemError(response.status, error);
  }
  const etag = response.headers.get("ETag");
  const location = response.headers.get("Location");
  if (etag === null || location === null) {
    throw new Error("201 without ETag or Location");
  }
  const created: Task = data;
  console.log(`created ${created.id} "${created.title}" due ${created.dueDate ?? "(recurring)"}`);
  return { task: created, etag, location };
}

/** Starts a task with the version the caller saw; a stale version is a 412 to re-read and retry. */
export async function startTask(id: string, etag: string): Promise<Task | "stale"> {
  const { data, error, response } = await api.POST("/api/v1/tasks/{id}/transitions", {
    params: { path: { id }, header: { "If-Match": etag } },
    body: { action: "START" },
  });
  if (error) {
    if (response.status === 412 && error.code === "PRECONDITION_FAILED") {
      return "stale";
    }
    throw new ProblemError(response.status, error);
  }
  return data;
}

/** The whole flow: create, start with the create's ETag, report a validation problem field by field. */
export async function example(unitId: string): Promise<void> {
  try {
    const { task, etag } = await createTask(
      {
        title: "Tổng hợp ý kiến cử tri quý II",
        description: "Tổng hợp ý kiến, kiến nghị của cử tri gửi Phòng Nội vụ.",
        leadUnitId: unitId,
        responsiblePerson: "Chủ tịch UBND phường",
        dueDate: "2026-06-30",
        expectedResult: "Báo cáo tổng hợp bằng văn bản",
      },
      crypto.randomUUID(),
    );
    const started = await startTask(task.id, etag);
    console.log(started === "stale" ? "changed meanwhile" : `${started.id} is ${started.status}`);
    for (const page of await overdueTasks(unitId)) {
      console.log(page.title);
    }
  } catch (e) {
    if (e instanceof ProblemError && e.code === "VALIDATION_FAILED") {
      e.fields.forEach((f) => console.log(f));
    } else {
      throw e;
    }
  }
}
