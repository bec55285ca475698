// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { context, fakePlatform, problem } from './fakePlatform';
import { summaryOffer } from '../src/summary';

async function flush(times = 10) {
  for (let i = 0; i < times; i += 1) await new Promise((r) => setTimeout(r, 0));
}

beforeEach(() => document.body.replaceChildren());

describe('the summary for a professional', () => {
  it('fetches each form with the person\'s token and the form in Accept, and saves it under its own file name', async () => {
    const platform = fakePlatform((call) => (call.url.endsWith('/me/summary')
      ? new Response('%PDF-1.7 summary', { status: 200, headers: { 'Content-Type': 'application/pdf' } }) : undefined));
    const saved: { name: string; text: string }[] = [];
    const offer = summaryOffer(context(platform.fetchImpl), (blob, name) => { void blob.text().then((text) => saved.push({ name, text })); });
    document.body.append(offer);
    const [pdf, fhir] = [...offer.querySelectorAll('button')];
    pdf.click();
    await flush();
    fhir.click();
    await flush();
    expect(saved.map((s) => s.name)).toEqual(['hipflex-summary.pdf', 'hipflex-summary.fhir.json']);
    expect(saved[0].text).toBe('%PDF-1.7 summary');
    const calls = platform.calls.filter((c) => c.url.endsWith('/me/summary'));
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer test-token', 'Bearer test-token']);
    expect(calls.map((c) => c.accept)).toEqual(['application/pdf, application/problem+json', 'application/fhir+json, application/problem+json']);
  });

  it('says there is nothing to summarise yet when tracking knows nothing of the person', async () => {
    const platform = fakePlatform((call) => (call.url.endsWith('/me/summary') ? problem(404, 'Not found') : undefined));
    const saved: string[] = [];
    const offer = summaryOffer(context(platform.fetchImpl), (_blob, name) => saved.push(name));
    document.body.append(offer);
    offer.querySelector('button')?.click();
    await flush();
    expect(saved).toEqual([]);
    expect(offer.querySelector('.summary-status')?.textContent).toContain('nothing to summarise yet');
  });
});
