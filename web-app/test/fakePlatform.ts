import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Services } from '../src/api/services';
import { SessionQueue, type QueueStorage } from '../src/session/queue';
import type { Context } from '../src/context';
import type { Adherence, PlanChange, Recommendation, TodayPlan } from '../src/api/types';
import { DEFAULT_CONFIG } from '../src/config';

/** Catalog answers recorded from a running catalog-service, and the contracts' example recommendation. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', `${name}.json`), 'utf8')) as T;
}

export const selfCare = (): Recommendation => fixture<Recommendation>('recommendation-self-care');

/** The urgent-care answer triage gives to fever with a hot, swollen hip: exercises and extras held back. */
export function urgentCare(): Recommendation {
  const rec = selfCare();
  return {
    ...rec, level: 'urgent-care',
    referral: { urgency: 'today', whatToDo: 'Today: go to an emergency department, or an urgent care clinic if it is open now.', source: 'general-clinical-guidance' },
    reasons: [{ rule: 'UC-INFECTION', level: 'urgent-care', text: 'A hot, swollen hip while you have a fever or feel unwell can be a joint infection. Get urgent care now.',
      source: 'general-clinical-guidance', redFlag: null, possibleConditions: [], whatToDo: null },
    // A red flag of a lower urgency in the same report, as triage lists it beside the urgent one.
    { rule: 'RF-NIGHT-PAIN', level: 'see-professional', text: 'Pain that wakes you at night needs a professional look.',
      source: 'general-clinical-guidance', redFlag: 'night-pain', possibleConditions: [], whatToDo: 'See a doctor within a week about the night pain.' }],
    plan: { ...rec.plan, status: 'seek-care-now', schedule: null, phases: [], notes: [{ text: 'Seek urgent care now.', source: 'general-clinical-guidance' }] },
    extras: { runner: null, movementBreaks: null, coreAndGlute: null },
    // As triage answers it: the acute pain's exclusion stays in the recommendation even when no exercise is given.
    excluded: [{ exercise: 'couch-stretch', condition: 'acute-pain', reason: 'While your pain is acute, use the supine passive hip flexor stretch instead.' }],
  };
}

/** A see-professional answer that holds exercises until the person has been seen (e.g. a leg that will not take weight). */
export function seeProfessionalOnHold(): Recommendation {
  const rec = urgentCare();
  return {
    ...rec, level: 'see-professional',
    referral: { urgency: 'within-a-week', whatToDo: 'Within a week: book an appointment with your doctor or a physiotherapist in the next few days.', source: 'general-clinical-guidance' },
    reasons: [{ rule: 'RF-CANNOT-BEAR-WEIGHT', level: 'see-professional', text: 'A leg that cannot take your weight needs a professional assessment before any exercise or running.',
      source: 'general-clinical-guidance', redFlag: 'cannot-bear-weight', possibleConditions: [], whatToDo: 'See a doctor or physiotherapist within a week.' }],
    plan: { ...rec.plan, status: 'on-hold-until-seen', notes: [] },
  };
}

export const adherence = (): Adherence => ({
  asOf: '2026-12-05', planDay: 10,
  weeks: [
    { week: 1, from: '2026-11-26', to: '2026-12-02', unit: 'days', target: 7, expected: 7, done: 6, met: false, complete: true },
    { week: 2, from: '2026-12-03', to: '2026-12-09', unit: 'days', target: 7, expected: 3, done: 3, met: true, complete: false },
  ],
  overallPercent: 90, currentStreak: 3, longestStreak: 5,
  currentStage: { slug: 'weeks-2-4', order: 2, title: 'Weeks 2 to 4', fromDay: 8, toDay: 28, summary: 'Everyday hip pain should begin to ease.', whatToExpect: ['Getting up from a chair feels easier.'], beyondTimeline: false },
  painTrend: { weeks: [{ week: 1, average: 5, samples: 6 }, { week: 2, average: 3.5, samples: 3 }], first: { week: 1, average: 5, samples: 6 }, latest: { week: 2, average: 3.5, samples: 3 }, change: -1.5, meaningful: true, direction: 'improving' },
  alert: null,
});

/** A step back as tracking gives it after a session whose pain during it went above 5. */
export const stepBack = (): PlanChange => ({
  day: '2026-12-05', sessionDay: '2026-12-05', rule: 'TRK-ADAPT-STEP-BACK', version: 1, source: 'general-clinical-guidance', direction: 'back',
  exercise: 'couch-stretch', toExercise: 'couch-stretch', variable: 'holdSeconds', from: 60, to: 45,
  figures: { painDuring: 6, nextWakingPain: null, baseline: null, effort: 'too-hard', toleratedInARow: 0, daysSinceLastChange: 9, everyMorningRated: false, weekMeanRose: false },
  sentence: 'Pain during your session reached 6, above 5, so Couch stretch: hold from 60 to 45 seconds.',
});

/** Today's session of the plan below (its exercises in the plan's order), with no change yet. */
export const today = (changes: PlanChange[] = []): TodayPlan => ({
  day: '2026-12-05', lastSession: changes.length ? '2026-12-05' : null, changes, history: changes,
  exercises: [
    { exercise: 'couch-stretch', dose: { holdSeconds: { value: 60, min: 30, max: 90, step: 15 } }, easier: ['half-kneeling-hip-flexor-stretch'], harder: [] },
    { exercise: 'dead-bug', dose: { sets: { value: 3, min: 2, max: 4, step: 1 }, reps: { value: 8, min: 6, max: 12, step: 2 } }, easier: [], harder: [] },
  ],
});

export interface Call { method: string; url: string; body: unknown; authorization: string | null; accept: string | null }

export type Handler = (call: Call) => Response | undefined;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
export const problem = (status: number, title: string, errors?: { field: string; message: string }[]) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail: title, errors }), { status, headers: { 'Content-Type': 'application/problem+json' } });

/** A stand-in for the three services over fetch, answering from the fixtures; {@code handler} answers first when it wants to. */
export function fakePlatform(handler: Handler = () => undefined) {
  const calls: Call[] = [];
  const recommendations = new Map<string, Recommendation>([['7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', selfCare()], ['urgent', urgentCare()], ['on-hold', seeProfessionalOnHold()]]);
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const call: Call = { method: init?.method ?? 'GET', url: url.pathname + url.search, body: init?.body ? JSON.parse(String(init.body)) : undefined, authorization: headers.get('Authorization'), accept: headers.get('Accept') };
    calls.push(call);
    const own = handler(call);
    if (own) return own;
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const port = url.port;
    if (port === '8081') {
      if (path === '/exercises') return json(fixture('exercises'));
      const exercise = /^\/exercises\/(.+)$/.exec(path);
      if (exercise) {
        const found = fixture<{ items: { slug: string }[] }>('exercises').items.find((e) => e.slug === exercise[1]);
        return found ? json(found) : problem(404, 'Not found');
      }
      return json(fixture(path.slice(1)));
    }
    if (port === '8082') {
      const rec = /^\/symptom-reports\/(.+)\/recommendation$/.exec(path);
      if (rec) return recommendations.has(rec[1]) ? json(recommendations.get(rec[1])) : problem(404, 'Not found');
      if (path === '/me/recommendations') return json({ items: [...recommendations.values()].slice(0, 1), total: 1, limit: 5, offset: 0, nextOffset: null });
      if (path === '/symptom-reports') return json({ status: 'accepted' }, 202);
    }
    if (port === '8083') {
      if (path === '/me/plan') return json({ status: 'active', startDate: '2026-11-26', timeZone: 'Europe/Berlin', protocol: 'complete-release-protocol', level: 'self-care', recommendation: '7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', exercises: ['couch-stretch', 'dead-bug'] });
      if (path === '/me/plan/today') return json(today());
      if (path === '/me/adherence') return json(adherence());
      if (path === '/me/experiments' && call.method === 'GET') return json({ items: [], total: 0, limits: { shortestChange: 3, longestChange: 200, latestStartDays: 14 } });
      if (path === '/me/sessions' || path === '/me/check-ins') return json({}, 201);
    }
    return problem(404, 'Not found');
  };
  return { calls, fetchImpl };
}

class MemoryStorage implements QueueStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

export function context(fetchImpl: typeof fetch, signedIn = true): Context & { navigated: string[] } {
  const services = new Services(DEFAULT_CONFIG, async () => (signedIn ? 'test-token' : null), fetchImpl);
  const navigated: string[] = [];
  const storage = new MemoryStorage();
  let ids = 0;
  return {
    services,
    auth: {
      user: async () => (signedIn ? { subject: 'person-1', name: 'Ana' } : null), accessToken: async () => 'test-token',
      signIn: async () => undefined, signUp: async () => undefined, signOut: async () => undefined, completeSignIn: async () => null,
    },
    queue: new SessionQueue(storage, (s) => services.recordSession(s), signedIn ? 'person-1' : undefined),
    storage,
    signedIn: signedIn ? { subject: 'person-1', name: 'Ana' } : null,
    navigate: (hash) => { navigated.push(hash); },
    now: () => new Date(),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    navigated,
  };
}
