import { h } from './dom';
import type { Context } from './context';
import { ProblemError } from './api/problem';
import { failure, section } from './ui';
import { SUMMARY } from './words';

const FILES = { pdf: 'hipflex-summary.pdf', fhir: 'hipflex-summary.fhir.json' } as const;

/**
 * The summary for a professional, in both forms tracking makes: a page to print and a FHIR R4 Bundle for a clinic's
 * system. Fetched with the person's token (a plain link would carry none), then saved as a file on the device.
 */
export function summaryOffer(ctx: Context, save: (blob: Blob, name: string) => void = saveFile): HTMLElement {
  const status = h('div', { class: 'summary-status', 'aria-live': 'polite' });
  const button = (form: 'pdf' | 'fhir', label: string) => h('button', { type: 'button', onclick: async (e: Event) => {
    const pressed = e.currentTarget as HTMLButtonElement;
    pressed.disabled = true;
    status.replaceChildren();
    try {
      save(await ctx.services.summary(form), FILES[form]);
    } catch (error) {
      status.replaceChildren(error instanceof ProblemError && error.status === 404 ? h('p', {}, SUMMARY.none) : failure(error));
    } finally {
      pressed.disabled = false;
    }
  } }, label);
  return section(SUMMARY.title, h('p', {}, SUMMARY.lead),
    h('div', { class: 'actions' }, button('pdf', SUMMARY.pdf), button('fhir', SUMMARY.fhir)), status);
}

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
