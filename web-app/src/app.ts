import { h } from './dom';
import type { Context } from './context';
import { parseRoute, PRIVATE, type Route } from './router';
import { heading, failure } from './ui';
import { ProblemError } from './api/problem';
import { TEXT } from './words';
import { homeScreen } from './screens/home';
import { checkScreen } from './screens/check';
import { recommendationScreen } from './screens/recommendation';
import { libraryScreen, exerciseScreen } from './screens/library';
import { planScreen, checkInScreen, progressScreen } from './screens/mine';
import { sessionScreen } from './screens/session';
import { experimentsScreen } from './screens/experiments';

type Screen = (ctx: Context, route: Route) => Promise<HTMLElement> | HTMLElement;

export const SCREENS: Record<Route['name'], Screen> = {
  home: (ctx) => homeScreen(ctx),
  check: (ctx) => checkScreen(ctx),
  recommendation: (ctx, route) => recommendationScreen(ctx, route.params.reportId),
  exercises: (ctx, route) => libraryScreen(ctx, route),
  exercise: (ctx, route) => exerciseScreen(ctx, route.params.slug),
  plan: (ctx) => planScreen(ctx),
  session: (ctx) => sessionScreen(ctx),
  'check-in': (ctx) => checkInScreen(ctx),
  progress: (ctx) => progressScreen(ctx),
  experiments: (ctx) => experimentsScreen(ctx),
  'not-found': () => notFound(),
};

/** The page around the screens: skip link, header with navigation, the main landmark, and the status line. */
export function shell(ctx: Context): { root: HTMLElement; main: HTMLElement; status: HTMLElement } {
  const main = h('main', { id: 'main', tabindex: -1 });
  const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  const links: [string, string][] = [
    ['#/', TEXT.nav.home], ['#/check', TEXT.nav.check], ['#/plan', TEXT.nav.plan], ['#/session', TEXT.nav.session],
    ['#/check-in', TEXT.nav.checkIn], ['#/progress', TEXT.nav.progress], ['#/exercises', TEXT.nav.library],
  ];
  const account = ctx.signedIn
    ? h('div', { class: 'account' }, h('span', {}, `${TEXT.signedInAs} ${ctx.signedIn.name}`), ' ',
      h('button', { type: 'button', onclick: () => ctx.auth.signOut() }, TEXT.signOut))
    : h('div', { class: 'account' }, h('button', { type: 'button', onclick: () => ctx.auth.signIn(window.location.hash || '#/') }, TEXT.signIn));
  const root = h('div', { class: 'app' },
    h('a', { href: '#main', class: 'skip-link', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, TEXT.skip),
    h('header', {}, h('p', { class: 'brand' }, h('a', { href: '#/' }, TEXT.app)), account,
      h('nav', { 'aria-label': TEXT.app }, h('ul', {}, links.map(([href, label]) => h('li', {}, h('a', { href }, label)))))),
    main, h('footer', {}, status));
  return { root, main, status };
}

/** Shows the screen of the address: marks the current link, moves focus to the new screen's heading, names the page. */
let generation = 0;

export async function show(ctx: Context, main: HTMLElement, hash: string): Promise<void> {
  generation += 1;
  const mine = generation;
  const route = parseRoute(hash);
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#/${hash.replace(/^#\/?/, '').split('?')[0]}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (PRIVATE.has(route.name) && !ctx.signedIn) return place(main, signInPrompt(ctx, hash));
  const pending = SCREENS[route.name](ctx, route);
  if (pending instanceof HTMLElement) return place(main, pending);
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { role: 'status' }, TEXT.loading));
  let screen: HTMLElement;
  try {
    screen = await pending;
  } catch (error) {
    // A token that expired while the app was open: sign in again and come back here. What the services do not know
    // for this person (another person's report id, say) is simply not there: no retry would change that.
    screen = error instanceof ProblemError && error.status === 401 ? signInPrompt(ctx, hash)
      : error instanceof ProblemError && error.status === 404 ? notFound()
        : h('div', {}, heading(TEXT.failed), failure(error, () => void show(ctx, main, hash)));
  }
  if (mine !== generation) return; // the person moved on meanwhile
  main.removeAttribute('aria-busy');
  place(main, screen);
}

function notFound(): HTMLElement {
  return h('div', {}, heading(TEXT.notFound), h('p', {}, TEXT.notFoundDetail));
}

function signInPrompt(ctx: Context, hash: string): HTMLElement {
  return h('div', {}, heading(TEXT.signIn), h('p', {}, TEXT.needSignIn), h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'primary', onclick: () => ctx.auth.signIn(hash) }, TEXT.signIn),
    h('button', { type: 'button', onclick: () => ctx.auth.signUp(hash) }, TEXT.signUp)));
}

function place(main: HTMLElement, screen: HTMLElement): void {
  main.replaceChildren(screen);
  const title = main.querySelector<HTMLElement>('h1');
  document.title = title ? `${title.textContent} · ${TEXT.app}` : TEXT.app;
  (title ?? main).focus();
}
