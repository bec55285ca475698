import type { ChecklistStep, ExperimentPhase, ExperimentView, Recommendation, RootCauseChecklist } from './api/types';
import { EXPERIMENT } from './words';


/** Results that answer the question: an item with one of these has been tried. */
const ANSWERED = new Set(['helped', 'worse', 'no-clear-change']);

/**
 * The checklist items in the order the app offers them: the latest recommendation's relevant items first, then its
 * others, each in the catalog's order (most common cause first); items already answered by an experiment go last.
 * Without a recommendation the catalog's whole checklist, in its order.
 */
export function suggestedItems(checklist: RootCauseChecklist, rec: Recommendation | null | undefined, past: ExperimentView[] = []): ChecklistStep[] {
  const bySlug = new Map(checklist.steps.map((s) => [s.slug, s]));
  const order = rec && rec.rootCauseChecks.length
    ? [...rec.rootCauseChecks].sort((a, b) => Number(b.relevant) - Number(a.relevant) || a.order - b.order).map((c) => c.step)
    : [...checklist.steps].sort((a, b) => a.order - b.order).map((s) => s.slug);
  const answered = new Set(past.filter((e) => e.result && ANSWERED.has(e.result.outcome)).map((e) => e.checklistItem));
  const steps = order.map((slug) => bySlug.get(slug)).filter((s): s is ChecklistStep => s !== undefined);
  return [...steps.filter((s) => !answered.has(s.slug)), ...steps.filter((s) => answered.has(s.slug))];
}

/** Where a running experiment stands: tracking's phase, with the first not-counted days of a change told apart. */
export type PhaseNow = 'baseline' | 'settling' | 'change' | 'undone' | 'ended' | 'confirmed';

export function phaseNow(e: ExperimentView): PhaseNow {
  if (e.phase === 'change') {
    const countedFrom = e.withChange?.countedFrom;
    return countedFrom && e.today < countedFrom ? 'settling' : 'change';
  }
  if (e.phase === 'baseline' || e.phase === 'undone' || e.phase === 'ended' || e.phase === 'confirmed') return e.phase;
  return 'ended';
}

/** The reminder on the running card: the phase's name, what it asks, and which day of it today is. */
export function phaseText(e: ExperimentView): { name: string; what: string; day: number | null } {
  const now = phaseNow(e);
  const words = EXPERIMENT.phases[now];
  const phase = now === 'baseline' ? e.baseline : now === 'undone' ? e.confirmation?.undone ?? null : now === 'settling' || now === 'change' ? e.withChange : null;
  const day = phase && e.today >= phase.from ? daysBetween(phase.from, e.today) + 1 : null;
  return { name: words.name, what: words.what, day };
}

/** Whole days from one ISO date to another (both local dates, so no time zone enters). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's ISO date in a time zone, for the start date's default and bounds. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface ChartPoint { day: string; pain: number; phase: string; counted: boolean; x: number; y: number }
export interface ChartScale { width: number; height: number; points: ChartPoint[]; dividers: { phase: string; x: number }[]; gridY: { pain: number; y: number }[] }

/**
 * The chart's geometry: one column per calendar day from the baseline's first rating to the last rating (missing days
 * leave gaps), pain 0 at the bottom and 10 at the top, and a divider where each phase after the baseline begins.
 */
export function chartScale(phases: { phase: string; data: ExperimentPhase | null | undefined }[], size = { width: 320, height: 140, pad: 20 }): ChartScale {
  const shown = phases.filter((p): p is { phase: string; data: ExperimentPhase } => !!p.data);
  const days = shown.flatMap((p) => [p.data.from, ...p.data.ratings.map((r) => r.day)]);
  const first = days.length ? days.reduce((a, b) => (a < b ? a : b)) : '';
  const last = days.length ? days.reduce((a, b) => (a > b ? a : b)) : '';
  const span = first ? Math.max(1, daysBetween(first, last)) : 1;
  const plotWidth = size.width - 2 * size.pad;
  const plotHeight = size.height - 2 * size.pad;
  const x = (day: string) => size.pad + (daysBetween(first, day) / span) * plotWidth;
  const y = (pain: number) => size.pad + (1 - Math.max(0, Math.min(10, pain)) / 10) * plotHeight;
  return {
    width: size.width, height: size.height,
    points: shown.flatMap((p) => p.data.ratings.map((r) => ({ day: r.day, pain: r.pain, phase: p.phase, counted: r.counted, x: x(r.day), y: y(r.pain) }))),
    dividers: shown.slice(1).map((p) => ({ phase: p.phase, x: x(p.data.from) })),
    gridY: [0, 5, 10].map((pain) => ({ pain, y: y(pain) })),
  };
}
