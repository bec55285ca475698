import { h, plain, uniqueId } from '../dom';
import type { Context } from '../context';
import type { Exercise } from '../api/types';
import type { Route } from '../router';
import { href } from '../router';
import { heading, section, failure } from '../ui';
import { LIBRARY, formatDose } from '../words';

const FILTERS = ['category', 'equipment', 'targetMuscle'] as const;

/** The catalog's filters and search; the filter state lives in the address, so a search can be shared and gone back to. */
export async function libraryScreen(ctx: Context, route: Route): Promise<HTMLElement> {
  const q = route.query;
  const [all, muscles, page] = await Promise.all([
    ctx.services.exercises({ limit: 100 }), ctx.services.muscles(),
    ctx.services.exercises({
      q: q.get('q') ?? undefined, category: q.get('category') ?? undefined, equipment: q.get('equipment') ?? undefined,
      targetMuscle: q.get('targetMuscle') ?? undefined, acuteSafe: q.get('acuteSafe') === 'true' ? true : undefined,
      excludeContraindication: q.getAll('excludeContraindication'), limit: 50, sort: q.get('q') ? 'relevance' : 'title',
    }),
  ]);
  // The options are the values the catalog's exercises use, so a new category or piece of equipment shows up by itself.
  const values = (pickOf: (e: Exercise) => string[]) => [...new Set(all.items.flatMap(pickOf))].sort();
  const options = {
    category: values((e) => [e.category]), equipment: values((e) => e.equipment), targetMuscle: values((e) => e.targetMuscles),
  };
  const conditions = values((e) => e.contraindications.map((c) => c.condition));
  const labels = { category: LIBRARY.category, equipment: LIBRARY.equipment, targetMuscle: LIBRARY.muscle };
  const muscleTitles = new Map(muscles.map((m) => [m.slug, m.title]));
  const optionText = (filter: string, value: string) => (filter === 'targetMuscle' ? muscleTitles.get(value) : undefined) ?? plain(value);

  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v !== '') params.append(k, v);
    ctx.navigate(`#/exercises${params.toString() ? `?${params}` : ''}`);
  } },
  labelled(LIBRARY.search, (id) => h('input', { id, type: 'search', name: 'q', value: q.get('q') ?? '' })),
  FILTERS.map((f) => labelled(labels[f], (id) => h('select', { id, name: f }, h('option', { value: '' }, LIBRARY.any),
    options[f].map((v) => h('option', { value: v, selected: q.get(f) === v }, optionText(f, v)))))),
  h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'acuteSafe', value: 'true', checked: q.get('acuteSafe') === 'true' }), ' ', LIBRARY.acuteSafe),
  h('fieldset', {}, h('legend', {}, LIBRARY.exclude), conditions.map((c) => h('label', { class: 'choice' },
    h('input', { type: 'checkbox', name: 'excludeContraindication', value: c, checked: q.getAll('excludeContraindication').includes(c) }), ' ', plain(c)))),
  h('button', { type: 'submit', class: 'primary' }, LIBRARY.search));

  return h('div', {}, heading(LIBRARY.title), form,
    h('p', { role: 'status' }, LIBRARY.results(page.total ?? page.items.length)),
    h('ul', { class: 'cards' }, page.items.map((e) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: href(`/exercises/${encodeURIComponent(e.slug)}`) }, e.title)),
      h('p', { class: 'meta' }, `${plain(e.category)} · ${formatDose(e.dose)}`), h('p', {}, e.summary)))));
}

function labelled(label: string, control: (id: string) => HTMLElement): HTMLElement {
  const id = uniqueId('f');
  return h('div', { class: 'field' }, h('label', { for: id }, label), control(id));
}

export async function exerciseScreen(ctx: Context, slug: string): Promise<HTMLElement> {
  let e: Exercise;
  let titles: Map<string, string>;
  try {
    const [one, all] = await Promise.all([ctx.services.exercise(slug), ctx.services.exercises({ limit: 100 })]);
    e = one;
    titles = new Map(all.items.map((x) => [x.slug, x.title]));
  } catch (error) {
    return h('div', {}, heading(LIBRARY.title), failure(error));
  }
  const list = (title: string, items: string[], ordered = false) => items.length ? section(title, h(ordered ? 'ol' : 'ul', {}, items.map((i) => h('li', {}, i)))) : null;
  const links = (title: string, slugs: string[]) => slugs.length ? section(title, h('ul', {}, slugs.map((s) => h('li', {}, h('a', { href: href(`/exercises/${encodeURIComponent(s)}`) }, titles.get(s) ?? plain(s)))))) : null;
  return h('article', { class: 'exercise' }, heading(e.title), h('p', { class: 'meta' }, plain(e.category)), h('p', {}, e.summary),
    section(LIBRARY.dose, h('p', {}, formatDose(e.dose)), e.dose.note ? h('p', {}, e.dose.note) : null),
    list(LIBRARY.steps, e.steps, true), list(LIBRARY.cautions, e.cautions), list(LIBRARY.mistakes, e.commonMistakes),
    links(LIBRARY.progressions, e.progressions), links(LIBRARY.regressions, e.regressions),
    e.contraindications.length ? section(LIBRARY.contraindications, h('ul', {}, e.contraindications.map((c) => h('li', {}, h('strong', {}, plain(c.condition)), ': ', c.reason)))) : null,
    e.whyItWorks ? section(LIBRARY.why, h('p', {}, e.whyItWorks)) : null);
}
