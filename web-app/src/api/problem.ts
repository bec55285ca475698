/** RFC 9457 problem details as the services send them: {@code errors} names each bad field. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** A failed call: the service's problem, or one made up for an answer that was not a problem body. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The messages for each field, keyed by the field as the API names it ("profile.hoursSittingPerDay"). */
  fieldMessages(): Map<string, string[]> {
    return groupByField(this.problem.errors ?? []);
  }
}

/** The network itself failed (offline, the service down, or refused by CORS). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The service could not be reached');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export function groupByField(errors: FieldError[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors) {
    const key = topLevelField(field);
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  return byField;
}

/** "exercises[2]" belongs to the input "exercises"; nested objects keep their dotted path. */
export function topLevelField(field: string): string {
  return field.replace(/\[\d+\]/g, '');
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number'
    && typeof (body as Problem).title === 'string';
}

/** Reads a failed response into a ProblemError, whatever its body is. */
export async function problemOf(response: Response): Promise<ProblemError> {
  const retryAfter = response.headers.get('Retry-After');
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
      : undefined;
    return new ProblemError({ ...body, errors }, seconds);
  }
  return new ProblemError({ type: 'about:blank', title: response.statusText || 'Request failed', status: response.status }, seconds);
}
