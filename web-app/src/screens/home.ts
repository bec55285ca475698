import { h } from '../dom';
import type { Context } from '../context';
import { heading, section } from '../ui';
import { LEVEL, TEXT } from '../words';

export async function homeScreen(ctx: Context): Promise<HTMLElement> {
  const root = h('div', { class: 'home' }, heading(TEXT.app), h('p', { class: 'lead' }, TEXT.homeIntro));
  if (!ctx.signedIn) {
    root.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => ctx.auth.signIn('#/') }, TEXT.signIn),
      h('button', { type: 'button', onclick: () => ctx.auth.signUp('#/') }, TEXT.signUp)),
    h('p', {}, h('a', { href: '#/exercises' }, TEXT.nav.library)));
    return root;
  }
  root.append(h('div', { class: 'actions' }, h('a', { href: '#/check', class: 'button primary' }, TEXT.startCheck)));
  try {
    const latest = (await ctx.services.myRecommendations()).items[0];
    if (latest) {
      root.append(section(TEXT.latest, h('p', {}, h('a', { href: `#/recommendation/${encodeURIComponent(latest.reportId)}` },
        LEVEL[latest.level]?.title ?? latest.level))));
    }
  } catch {
    // The home screen works without the list (offline, or triage away); the other screens say what failed.
  }
  return root;
}
