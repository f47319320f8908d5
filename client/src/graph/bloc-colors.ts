// Node colours by alignment bloc: a categorical palette assigned to the blocs of GET /api/blocs in
// their order (largest first), and grey for actors in no bloc. A pure mapping the node reducer
// reads; nothing is written into the graph.

/** Ten hues told apart at a glance, none of them the grey of unaligned or dimmed actors. */
export const BLOC_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#393b79',
] as const;

/** Actors in no bloc, and blocs beyond the palette. */
export const UNALIGNED_COLOR = '#a7afb8';

export interface BlocColoring {
  /** Actor id -> colour of its bloc. */
  colors: ReadonlyMap<string, string>;
  /** The colour of an actor not in the map. */
  fallback: string;
}

/** The colour of the bloc at `index` in the server's order; grey past the palette. */
export function blocColor(index: number): string {
  return BLOC_PALETTE[index] ?? UNALIGNED_COLOR;
}

/** Each member's colour from its bloc's position in the list. */
export function blocColoring(
  blocs: readonly { members: readonly { id: string }[] }[],
): BlocColoring {
  const colors = new Map<string, string>();
  blocs.forEach((bloc, i) => {
    for (const m of bloc.members) colors.set(m.id, blocColor(i));
  });
  return { colors, fallback: UNALIGNED_COLOR };
}
