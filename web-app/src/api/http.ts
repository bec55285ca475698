import { NetworkError, problemOf } from './problem';

/** Gives the current access token, or null when nobody is signed in. */
export type TokenSource = () => Promise<string | null>;

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over fetch against one service: a bearer token when there is one, problems thrown as ProblemError. */
export class Http {
  constructor(private readonly base: string, private readonly token: TokenSource, private readonly fetchImpl: typeof fetch = (...a) => fetch(...a)) {}

  get<T>(path: string, query?: Record<string, string | number | boolean | string[] | undefined>): Promise<Answer<T>> {
    return this.send<T>('GET', path + queryString(query));
  }

  post<T>(path: string, body?: unknown): Promise<Answer<T>> {
    return this.send<T>('POST', path, body);
  }

  /** A document in the form `accept` names (a PDF, say), as the bytes the service sent. */
  async download(path: string, accept: string): Promise<Blob> {
    return (await this.exchange('GET', path, accept)).blob();
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const response = await this.exchange(method, path, 'application/json', body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  private async exchange(method: string, path: string, accept: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
    const token = await this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new NetworkError(e);
    }
    if (!response.ok) throw await problemOf(response);
    return response;
  }
}

export function queryString(query?: Record<string, string | number | boolean | string[] | undefined>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
