/**
 * What the screen tests share: a screen shown in the app's shell against the fake platform, the clicks a person makes,
 * and axe-core's serious findings. Each test file resets the document before each test (`resetDocument`).
 */
import axe from 'axe-core';
import { context, fakePlatform, type Handler } from './fakePlatform';
import { shell, show } from '../src/app';
import type { Context } from '../src/context';

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The app's shell showing `hash`; `handler` answers the calls it knows, the fake platform the rest. */
export async function render(hash: string, handler?: Handler, ctxChanges: Partial<Context> = {}) {
  const platform = fakePlatform(handler);
  const ctx = { ...context(platform.fetchImpl), ...ctxChanges };
  const { root, main } = shell(ctx);
  document.body.replaceChildren(root);
  await show(ctx, main, hash);
  return { ctx, main, calls: platform.calls };
}

export function press(root: ParentNode, text: string): void {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}"`);
  button.click();
}

export function tick(root: ParentNode, name: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!input) throw new Error(`no ${name}=${value}`);
  input.click();
}

/** Serious and critical axe violations of the page (colour contrast needs a real browser's layout). */
export async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

export function resetDocument(): void {
  document.documentElement.lang = 'en';
  document.body.replaceChildren();
}
