import { h, type Child } from './dom';
import { NetworkError, ProblemError } from './api/problem';
import { TEXT } from './words';

/** A screen's first heading: focused when the screen changes, so a screen reader starts there. */
export function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, class: 'screen-title' }, text);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A failure in words: the service's problem title and detail, or that the network is away. */
export function failure(error: unknown, retry?: () => void): HTMLElement {
  let title: string = TEXT.failed;
  let detail = '';
  if (error instanceof ProblemError) {
    title = error.status === 404 ? TEXT.notFound : error.problem.title;
    detail = error.status === 404 ? TEXT.notFoundDetail : error.problem.detail ?? '';
  } else if (error instanceof NetworkError) {
    detail = TEXT.offline;
  }
  return h('div', { class: 'problem', role: 'alert' }, h('p', { class: 'problem-title' }, title), detail ? h('p', {}, detail) : null,
    retry ? h('button', { type: 'button', onclick: () => retry() }, TEXT.retry) : null);
}

/** A 0–10 scale as eleven radio buttons: one tap on a phone, arrow keys on a keyboard. */
export function painScale(name: string, legend: string, value: number | null, onChange: (n: number) => void, errorId?: string): HTMLFieldSetElement {
  const options = Array.from({ length: 11 }, (_, n) => {
    const input = h('input', { type: 'radio', name, value: n, checked: value === n, onchange: () => onChange(n) });
    return h('label', { class: 'scale-option' }, input, h('span', {}, String(n)));
  });
  return h('fieldset', { class: 'scale', 'aria-describedby': errorId }, h('legend', {}, legend), h('div', { class: 'scale-options' }, options));
}
