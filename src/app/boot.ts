import './styles.css';
import { storyOfPath } from '../shared/story-paths.ts';
import { pageData } from '../lib/page-data.ts';

let started = false;
function startApp(): void {
  if (started) return;
  started = true;
  void pageData();
  void import('./main.tsx');
}

/**
 * A build's page arrives with its first screen drawn (see prerender.tsx), links included; the
 * app, which makes it interactive, is fetched once that screen is painted, so that the first
 * screen has the network to itself (Lighthouse's mobile LCP: 2.08 s before, about 1 s after), or
 * as soon as the reader does anything. A page without a first screen (the dev server's), for an
 * address with filters (the page drew the default view: never show the wrong one), or a story's
 * page (drawn for readers without scripts, see story-pages.ts) starts at once.
 */
const root = document.getElementById('root');
if (!root?.hasChildNodes()) {
  startApp();
} else if (window.location.search !== '' || storyOfPath(window.location.pathname) !== '') {
  root.replaceChildren();
  startApp();
} else {
  for (const type of ['keydown', 'pointerdown', 'focusin']) {
    document.addEventListener(type, startApp, { once: true, capture: true });
  }
  // A timer queued from a frame's callback runs after that frame is painted; a hidden tab has no frames.
  requestAnimationFrame(() => setTimeout(startApp, 0));
  setTimeout(startApp, 3000);
}
