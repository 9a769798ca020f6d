/**
 * Focus management on route changes: after a navigation, the page's h1 receives focus so keyboard and
 * screen-reader users start at the new content. A page that first shows a loading heading and then its
 * real one hands focus over as long as nothing else took it in between.
 */
let pendingUntil = 0;

export function requestHeadingFocus() {
  pendingUntil = Date.now() + 10_000;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) heading.focus({ preventScroll: true });
  else document.getElementById('main')?.focus({ preventScroll: true });
}

export function takePendingFocus(element: HTMLElement | null) {
  if (!element || Date.now() > pendingUntil) return;
  const active = document.activeElement;
  if (!active || active === document.body || active.id === 'main') element.focus({ preventScroll: true });
}

export function cancelPendingFocus() {
  pendingUntil = 0;
}
