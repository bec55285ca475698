import { describe, expect, it } from 'vitest';
import { Http } from '../src/api/http';
import { NetworkError, ProblemError, groupByField, problemOf } from '../src/api/problem';

const problemResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

describe('problem details', () => {
  it('keeps every field the service names, so each input can show its own message', async () => {
    const error = await problemOf(problemResponse(400, {
      type: 'about:blank', title: 'Invalid request', status: 400, detail: '2 fields are invalid',
      errors: [{ field: 'painLocations', message: 'unknown word elbow' }, { field: 'intensity', message: 'must be from 0 to 10' }],
    }));
    expect(error.status).toBe(400);
    expect([...error.fieldMessages().entries()]).toEqual([
      ['painLocations', ['unknown word elbow']], ['intensity', ['must be from 0 to 10']],
    ]);
  });

  it('puts list entries and repeated fields under the input they belong to', () => {
    const byField = groupByField([
      { field: 'exercises[0]', message: 'is not an exercise of the catalog' },
      { field: 'exercises[2]', message: 'is not an exercise of the catalog' },
      { field: 'profile.hoursSittingPerDay', message: 'must be from 0 to 24' },
    ]);
    expect(byField.get('exercises')).toHaveLength(2);
    expect(byField.get('profile.hoursSittingPerDay')).toEqual(['must be from 0 to 24']);
  });

  it('makes a problem of an answer that is not one, and reads Retry-After', async () => {
    const error = await problemOf(new Response('<html>bad gateway</html>', { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '5' } }));
    expect(error.problem).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(error.retryAfterSeconds).toBe(5);
    expect(error.fieldMessages().size).toBe(0);
  });

  it('drops malformed entries of errors instead of failing on them', async () => {
    const error = await problemOf(problemResponse(400, { title: 'Invalid request', status: 400, errors: [{ field: 'side' }, null, { field: 'side', message: 'is required' }] }));
    expect(error.problem.errors).toEqual([{ field: 'side', message: 'is required' }]);
  });
});

describe('Http', () => {
  it('sends the bearer token and JSON, and throws the problem of a refusal', async () => {
    const seen: Request[] = [];
    const http = new Http('http://triage.test/api/v1', async () => 'token-1', async (input, init) => {
      seen.push(new Request(input as string, init));
      return problemResponse(409, { title: 'Conflict', status: 409, detail: 'another body' });
    });
    const failure = await http.post('/symptom-reports', { a: 1 }).catch((e) => e);
    expect(failure).toBeInstanceOf(ProblemError);
    expect((failure as ProblemError).status).toBe(409);
    expect(seen[0].url).toBe('http://triage.test/api/v1/symptom-reports');
    expect(seen[0].headers.get('Authorization')).toBe('Bearer token-1');
    expect(seen[0].headers.get('Content-Type')).toBe('application/json');
    expect(await seen[0].text()).toBe('{"a":1}');
  });

  it('sends no Authorization header without a token, and repeats list parameters', async () => {
    let url = '';
    let headers: Headers = new Headers();
    const http = new Http('http://catalog.test/api/v1', async () => null, async (input, init) => {
      url = String(input);
      headers = new Headers(init?.headers);
      return new Response('{"items":[]}', { status: 200 });
    });
    await http.get('/exercises', { q: 'psoas', excludeContraindication: ['pregnancy', 'knee-pain'], category: undefined });
    expect(url).toBe('http://catalog.test/api/v1/exercises?q=psoas&excludeContraindication=pregnancy&excludeContraindication=knee-pain');
    expect(headers.has('Authorization')).toBe(false);
  });

  it('tells a network failure from a refusal', async () => {
    const http = new Http('http://tracking.test', async () => 't', async () => { throw new TypeError('Failed to fetch'); });
    await expect(http.get('/me/plan')).rejects.toBeInstanceOf(NetworkError);
  });

  it('answers 202 without a body as still being made', async () => {
    const http = new Http('http://triage.test', async () => 't', async () => new Response(null, { status: 202 }));
    await expect(http.get('/symptom-reports/x/recommendation')).resolves.toMatchObject({ status: 202, body: null });
  });
});
