// Renders text with marked spans as text nodes and <mark> elements; returns the first mark of a
// given kind so the caller can scroll it into view.
import { h } from './dom.ts';
import { segmentText, type Mark } from './text-marks.ts';

export function renderMarkedText(
  container: HTMLElement,
  text: string,
  marks: readonly Mark[],
): HTMLElement[] {
  container.replaceChildren();
  const marked: HTMLElement[] = [];
  for (const seg of segmentText(text, marks)) {
    if (seg.marks.length === 0) {
      container.appendChild(document.createTextNode(seg.text));
      continue;
    }
    const kinds = [...new Set(seg.marks.map((m) => m.kind))];
    const title = seg.marks
      .map((m) => m.title)
      .filter(Boolean)
      .join('; ');
    const el = h(
      'mark',
      { class: kinds.map((k) => `mark-${k}`).join(' '), title: title || null },
      seg.text,
    );
    marked.push(el);
    container.appendChild(el);
  }
  return marked;
}
