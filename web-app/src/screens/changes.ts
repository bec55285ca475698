import { h, plain } from '../dom';
import type { PlanChange } from '../api/types';
import { ADAPT } from '../words';

/** Names for the slugs a change carries: the catalog's source titles where the app has them. */
export interface ChangeNames { source(slug: string): string }

/** A figure's value as the person reads it; the API's words (effort) in plain form. */
function figure(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? ADAPT.yes : ADAPT.no;
  return typeof value === 'string' ? plain(value).toLowerCase() : String(value);
}

/**
 * "Why it changed": each change of the adapting plan since the last session, with the sentence tracking gives, its rule
 * (id and version), the source and the figures the rule read. Figures the rule did not have (null) are left out.
 */
export function whyItChanged(changes: PlanChange[], names: ChangeNames, { always = false } = {}): HTMLElement | null {
  if (changes.length === 0 && !always) return null;
  return h('section', { class: 'card why-changed', 'aria-labelledby': 'why-changed-title' },
    h('h2', { id: 'why-changed-title' }, ADAPT.title),
    changes.length === 0 ? h('p', {}, ADAPT.none) : h('ul', { class: 'changes' }, changes.map((c) => h('li', { class: `change change-${c.direction}`, 'data-rule': c.rule },
      h('p', {}, h('strong', {}, c.direction === 'forward' ? ADAPT.forward : ADAPT.back), ': ', c.sentence),
      h('dl', { class: 'facts' },
        h('dt', {}, ADAPT.rule), h('dd', {}, h('code', {}, `${c.rule} v${c.version}`)),
        h('dt', {}, ADAPT.source), h('dd', {}, names.source(c.source)),
        h('dt', {}, ADAPT.figures), h('dd', {}, h('ul', { class: 'figures-list' }, Object.entries(c.figures)
          .filter((e): e is [string, string | number | boolean] => e[1] !== null && e[1] !== undefined)
          .map(([name, value]) => h('li', { 'data-figure': name }, `${ADAPT.figureNames[name] ?? plain(name).toLowerCase()}: ${figure(value)}`)))))))));
}
