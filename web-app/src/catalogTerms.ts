import type { Services } from './api/services';
import type { Exercise, Muscle, RootCauseChecklist, Source } from './api/types';
import { plain } from './dom';

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
}

/** Reads the names once per screen; the service worker and HTTP caching (ETag) keep repeat reads cheap. */
export async function loadTerms(services: Services): Promise<Terms> {
  const [exercises, muscles, sources, protocols, checklist] = await Promise.all([
    services.exercises({ limit: 100 }), services.muscles(), services.sources(), services.list<{ slug: string; title: string; phases?: { slug: string; title: string }[] }>('protocols'), services.rootCauseChecklist(),
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
  };
}
