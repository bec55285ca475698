/** Hash routes, so that any static server (and the service worker) serves the one page for every screen. */
export type RouteName = 'home' | 'check' | 'recommendation' | 'exercises' | 'exercise' | 'plan' | 'session' | 'check-in' | 'progress' | 'experiments' | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  query: URLSearchParams;
}

const PATTERNS: [RouteName, RegExp, string[]][] = [
  ['home', /^\/?$/, []],
  ['check', /^\/check$/, []],
  ['recommendation', /^\/recommendation\/([^/]+)$/, ['reportId']],
  ['exercises', /^\/exercises$/, []],
  ['exercise', /^\/exercises\/([^/]+)$/, ['slug']],
  ['plan', /^\/plan$/, []],
  ['session', /^\/session$/, []],
  ['check-in', /^\/check-in$/, []],
  ['progress', /^\/progress$/, []],
  ['experiments', /^\/experiments$/, []],
];

/** Screens that show a person's own data. */
export const PRIVATE: ReadonlySet<RouteName> = new Set(['check', 'recommendation', 'plan', 'session', 'check-in', 'progress', 'experiments']);

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path, search = ''] = text.split('?', 2);
  const query = new URLSearchParams(search);
  for (const [name, pattern, keys] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    let valid = true;
    keys.forEach((key, i) => {
      try {
        params[key] = decodeURIComponent(match[i + 1]);
      } catch {
        valid = false;
      }
    });
    if (valid) return { name, params, query };
  }
  return { name: 'not-found', params: {}, query };
}

export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}
