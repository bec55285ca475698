// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { leading, toSend } from '../src/screens/outcomes';
import type { Handler } from './fakePlatform';
import { json, press, render, resetDocument, seriousViolations, tick } from './screen';
import type { Escalation, Outcomes } from '../src/api/types';
import { ESCALATION, PSFS, SUMMARY, URGENCY } from '../src/words';

const type = (root: ParentNode, id: string, text: string) => {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
};
const escalation = (day: string, urgency: string, key: string): Escalation => ({
  day, key, rule: 'TRK-ESCALATE-SESSION-PAIN', version: 1, source: 'general-clinical-guidance', urgency,
  figures: { painDuring: 7, painKind: 'pain' }, reason: `Tracking's sentence for ${key}.`,
});

const outcomes = (changes: Partial<Outcomes> = {}): Outcomes => ({
  activities: null, assessments: [], due: 0, currentWeek: 1, function: null, pain: null, overallPercent: 80, escalations: [],
  scale: { weeks: [0, 4, 8, 12], maxActivities: 5, maxName: 80 }, ...changes,
});
const withOutcomes = (o: () => Outcomes, posted: unknown[] = []): Handler => (call) => {
  if (call.url !== '/api/v1/me/outcomes') return undefined;
  if (call.method === 'POST') { posted.push(call.body); return json({ week: 0, ratings: [], mean: 0 }, 201); }
  return json(o());
};

beforeEach(resetDocument);

describe('escalations on the plan', () => {
  it('lead with the most urgent, and of those the latest', () => {
    const a = escalation('2026-12-01', 'within-a-week', 'a');
    const b = escalation('2026-12-03', 'within-a-week', 'b');
    const c = escalation('2026-11-20', 'today', 'c');
    expect(leading([])).toBeNull();
    expect(leading([a, b])).toBe(b);
    expect(leading([a, c, b])).toBe(c);
  });

  it('show how soon, tracking\'s sentence (which says what to do) and the summary to take along, before the plan', async () => {
    const { main } = await render('#/plan', withOutcomes(() => outcomes({ due: null, escalations: [escalation('2026-12-05', 'within-a-week', 'see-professional:session-pain-7')] })));
    const card = main.querySelector<HTMLElement>('section.escalation')!;
    expect(card).not.toBeNull();
    expect(card.previousElementSibling?.tagName).toBe('H1');
    expect(card.querySelector('h2')?.textContent).toBe(ESCALATION.title);
    expect(card.textContent).toContain(URGENCY['within-a-week']);
    expect(card.querySelector('[data-rule="TRK-ESCALATE-SESSION-PAIN"]')?.textContent).toContain("Tracking's sentence for see-professional:session-pain-7.");
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual([SUMMARY.pdf, SUMMARY.fhir]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('say urgent care today for a warning sign that cannot wait', async () => {
    const { main } = await render('#/plan', withOutcomes(() => outcomes({ due: null, escalations: [escalation('2026-12-01', 'within-a-week', 'x'), escalation('2026-12-02', 'today', 'y')] })));
    const card = main.querySelector<HTMLElement>('section.escalation')!;
    expect(card.dataset.urgency).toBe('today');
    expect(card.querySelector('h2')?.textContent).toBe(ESCALATION.urgentTitle);
    expect(card.querySelectorAll('.escalations li')).toHaveLength(2);
  });

  it('are not there without an escalation, nor when outcomes cannot be read', async () => {
    expect((await render('#/plan', withOutcomes(() => outcomes({ due: null })))).main.querySelector('.escalation')).toBeNull();
    const { main } = await render('#/plan');
    expect(main.querySelector('.escalation')).toBeNull();
    expect(main.querySelector('h1')?.textContent).toBe('My plan');
  });
});

describe('the Patient-Specific Functional Scale', () => {
  it('sends the rows named and rated, trimmed; a named row without a rating or a rating without a name is not sent', () => {
    expect(toSend([{ activity: ' Climbing stairs ', rating: 4 }, { activity: '', rating: null }])).toEqual([{ activity: 'Climbing stairs', rating: 4 }]);
    expect(toSend([{ activity: 'Running', rating: null }])).toBeNull();
    expect(toSend([{ activity: ' ', rating: 3 }])).toBeNull();
    expect(toSend([{ activity: '', rating: null }])).toBeNull();
  });

  it('follows tracking\'s scale: how many activities, how long a name, which weeks', async () => {
    const { main } = await render('#/progress', withOutcomes(() => outcomes({ scale: { weeks: [0, 6, 12], maxActivities: 3, maxName: 40 } })));
    const form = main.querySelector<HTMLFormElement>('form.psfs')!;
    expect(form.textContent).toContain('up to 3 activities');
    expect(form.textContent).toContain('again at weeks 6 and 12.');
    expect(form.querySelector('#psfs-activity-0')?.getAttribute('maxlength')).toBe('40');
    press(form, PSFS.add);
    press(form, PSFS.add);
    expect(form.querySelectorAll('input[type="text"]')).toHaveLength(3);
    expect([...form.querySelectorAll('button')].map((b) => b.textContent)).not.toContain(PSFS.add);
  });

  it('at the start names up to 5 activities and rates each, then shows them over time', async () => {
    const posted: unknown[] = [];
    let state = outcomes();
    const { main } = await render('#/progress', withOutcomes(() => state, posted));
    expect(main.querySelector('a[href="#/progress"]')).toBeNull();
    const form = main.querySelector<HTMLFormElement>('form.psfs')!;
    expect(form.textContent).toContain(PSFS.intro(5, [4, 8, 12]));
    expect(form.textContent).toContain('up to 5 activities');
    expect(form.textContent).toContain('again at weeks 4, 8 and 12.');
    type(form, 'psfs-activity-0', 'Climbing stairs');
    tick(form, 'psfs-0', '4');
    for (let i = 1; i < 5; i += 1) press(form, PSFS.add);
    expect(form.querySelectorAll('input[type="text"]')).toHaveLength(5);
    expect([...form.querySelectorAll('button')].map((b) => b.textContent)).not.toContain(PSFS.add);
    // The first row keeps what was typed and chosen when rows are added.
    expect(form.querySelector<HTMLInputElement>('#psfs-activity-0')?.value).toBe('Climbing stairs');
    expect(form.querySelector<HTMLInputElement>('input[name="psfs-0"][value="4"]')?.checked).toBe(true);
    type(form, 'psfs-activity-1', 'Getting out of a car');
    expect(await seriousViolations()).toEqual([]);
    press(form, PSFS.save);
    expect(form.querySelector('[role="status"]')?.textContent).toBe(PSFS.nameAll);
    expect(posted).toEqual([]);
    tick(form, 'psfs-1', '6');
    state = outcomes({ due: null, activities: ['Climbing stairs', 'Getting out of a car'], assessments: [{ week: 0, ratings: [{ activity: 'Climbing stairs', rating: 4 }, { activity: 'Getting out of a car', rating: 6 }], mean: 5 }] });
    press(form, PSFS.save);
    await vi.waitFor(() => expect(main.querySelector('table.psfs-table')).not.toBeNull());
    expect(posted).toEqual([{ week: 0, activities: [{ activity: 'Climbing stairs', rating: 4 }, { activity: 'Getting out of a car', rating: 6 }] }]);
    expect(main.querySelector('form.psfs')).toBeNull();
    expect([...main.querySelectorAll('table.psfs-table tbody th')].map((t) => t.textContent)).toEqual(['Climbing stairs', 'Getting out of a car', PSFS.mean]);
  });

  it('at week 4 rates the same activities, and shows tracking\'s verdict beside adherence', async () => {
    const start = { week: 0, ratings: [{ activity: 'Climbing stairs', rating: 4 }, { activity: 'Running', rating: 2 }], mean: 3 };
    const posted: unknown[] = [];
    const { main } = await render('#/progress', withOutcomes(() => outcomes({ due: 4, currentWeek: 5, activities: ['Climbing stairs', 'Running'], assessments: [start] }), posted));
    const form = main.querySelector<HTMLFormElement>('form.psfs')!;
    expect(form.querySelectorAll('input[type="text"]')).toHaveLength(0);
    expect([...form.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([PSFS.ratingOf('Climbing stairs'), PSFS.ratingOf('Running')]);
    tick(form, 'psfs-0', '7');
    tick(form, 'psfs-1', '5');
    press(form, PSFS.save);
    await vi.waitFor(() => expect(posted).toEqual([{ week: 4, activities: [{ activity: 'Climbing stairs', rating: 7 }, { activity: 'Running', rating: 5 }] }]));

    const later = await render('#/progress', withOutcomes(() => outcomes({
      due: null, currentWeek: 5, activities: ['Climbing stairs', 'Running'], overallPercent: 85,
      assessments: [start, { week: 4, ratings: [{ activity: 'Climbing stairs', rating: 7 }, { activity: 'Running', rating: 5 }], mean: 6 }],
      function: { week: 4, startMean: 3, mean: 6, meanChange: 3, activityChanges: [3, 3], change: 'improved', rule: 'TRK-MEANINGFUL-FUNCTION-CHANGE', version: 1, source: 'general-clinical-guidance',
        meaningfulMeanPoints: 2, meaningfulActivityPoints: 3 },
    })));
    const verdict = later.main.querySelector<HTMLElement>('.psfs-change')!;
    expect(verdict.dataset.change).toBe('improved');
    expect(verdict.textContent).toContain(PSFS.change.improved);
    expect(verdict.textContent).toContain('+3.0');
    expect(verdict.textContent).toContain('TRK-MEANINGFUL-FUNCTION-CHANGE v1');
    expect(verdict.textContent).toContain('85 %');
    // The thresholds are tracking's rule's, as the answer gives them.
    expect(later.main.querySelector('.psfs-over-time .hint')?.textContent).toBe('Meaningful: 2 points or more on the mean, or 3 or more on one activity.');
    expect([...later.main.querySelectorAll('table.psfs-table thead th')].map((t) => t.textContent)).toEqual([PSFS.activityHeader, 'Week 0', 'Week 4']);
    expect(await seriousViolations()).toEqual([]);
  });

  it('is pointed to from the plan when an assessment is due', async () => {
    const { main } = await render('#/plan', withOutcomes(() => outcomes({ due: 4, activities: ['Running'] })));
    expect(main.querySelector('.psfs-due a[href="#/progress"]')?.textContent).toBe(PSFS.due(4));
  });
});
