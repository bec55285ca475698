import type { Services } from './api/services';
import type { CheckQuestion, CheckStep, Exercise, Muscle, RootCauseChecklist, Source, SymptomCheck } from './api/types';
import { ProblemError } from './api/problem';
import { plain } from './dom';

/** A report field's name in plain words when the catalog has no question for it ("screening.pregnancyWeeks" is "Pregnancy weeks"). */
export function plainField(field: string): string {
  const last = field.slice(field.lastIndexOf('.') + 1);
  return plain(last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/**
 * The symptom check's wording from the catalog: each report field's question, its short label, and the wording of
 * each word it takes. What the catalog lacks shows as plain words made from the API's own.
 */
export class CheckWords {
  readonly title: string | null;
  readonly steps: CheckStep[];
  private readonly byField: Map<string, CheckQuestion>;

  constructor(check: SymptomCheck | null) {
    this.title = check?.title ?? null;
    this.steps = [...(check?.steps ?? [])].sort((a, b) => a.order - b.order);
    this.byField = new Map((check?.questions ?? []).map((q) => [q.field, q]));
  }

  /** The question as the check asks it. */
  question(field: string): string {
    return this.byField.get(field)?.question ?? plainField(field);
  }

  /** The question in a few words, for summaries and a recommendation's inputs ("Where it hurts"). */
  label(field: string): string {
    return this.byField.get(field)?.label ?? plainField(field);
  }

  /** The words the field takes, with their wording, in the order they are offered; empty for a field of no vocabulary. */
  answers(field: string): Record<string, string> {
    return this.byField.get(field)?.answers ?? {};
  }

  answer(field: string, word: string): string {
    return this.answers(field)[word] ?? plain(word);
  }
}

/** The symptom check's wording; a catalog that serves none (404) leaves every field in plain words. */
export async function loadCheckWords(services: Services): Promise<CheckWords> {
  try {
    return new CheckWords(await services.symptomCheck());
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return new CheckWords(null);
    throw e;
  }
}

/** The catalog's names for the slugs a recommendation or a plan carries. */
export interface Terms {
  exercise(slug: string): string;
  exercises: Map<string, Exercise>;
  muscles: Map<string, Muscle>;
  muscle(slug: string): string;
  source(slug: string): string;
  protocol(slug: string): string;
  /** a protocol phase's title (phase slugs are unique across the catalog's protocols) */
  phase(slug: string): string;
  checklist: RootCauseChecklist;
  /** the symptom check's questions and answers, for showing a report's answers in the words they were asked with */
  check: CheckWords;
}

/** Reads the names once per screen; the service worker and HTTP caching (ETag) keep repeat reads cheap. */
export async function loadTerms(services: Services): Promise<Terms> {
  const [exercises, muscles, sources, protocols, checklist, check] = await Promise.all([
    services.exercises({ limit: 100 }), services.muscles(), services.sources(), services.list<{ slug: string; title: string; phases?: { slug: string; title: string }[] }>('protocols'), services.rootCauseChecklist(),
    loadCheckWords(services),
  ]);
  const byProtocol = new Map(protocols.map((p) => [p.slug, p.title]));
  const byPhase = new Map(protocols.flatMap((p) => (p.phases ?? []).map((ph) => [ph.slug, ph.title] as [string, string])));
  const byExercise = new Map(exercises.items.map((e) => [e.slug, e]));
  const byMuscle = new Map(muscles.map((m) => [m.slug, m]));
  const bySource = new Map<string, Source>(sources.map((s) => [s.slug, s]));
  return {
    exercises: byExercise,
    muscles: byMuscle,
    exercise: (slug) => byExercise.get(slug)?.title ?? plain(slug),
    muscle: (slug) => byMuscle.get(slug)?.title ?? plain(slug),
    source: (slug) => bySource.get(slug)?.title ?? plain(slug),
    protocol: (slug) => byProtocol.get(slug) ?? plain(slug),
    phase: (slug) => byPhase.get(slug) ?? plain(slug),
    checklist,
    check,
  };
}
