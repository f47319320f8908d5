// Runs work for an element once it first comes into view (or at once where the browser cannot
// tell), so a long list fetches only what the user scrolls to.

/** One observer for every element waiting; each element's work runs once. */
let observer: IntersectionObserver | null = null;
const pending = new WeakMap<Element, () => void>();

export function whenVisible(el: Element, work: () => void): void {
  if (typeof IntersectionObserver === 'undefined') {
    work();
    return;
  }
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const run = pending.get(e.target);
      pending.delete(e.target);
      observer!.unobserve(e.target);
      run?.();
    }
  });
  pending.set(el, work);
  observer.observe(el);
}
