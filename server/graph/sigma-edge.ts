// The sigma edge program named by every exported edge, so an export loads straight into sigma.

/**
 * sigma reads an edge's `type` as its program name and ships 'arrow' and 'line' by default;
 * stance edges are directed, so they are arrows. Set only on exports, never in the graph itself.
 */
export const EXPORT_EDGE_TYPE = 'arrow';
export type ExportEdgeType = typeof EXPORT_EDGE_TYPE;

/** Edge attributes as exported: the stored attributes plus the sigma program name. */
export type Exported<T> = T & { type: ExportEdgeType };

export function exported<T extends object>(attrs: T): Exported<T> {
  return { ...attrs, type: EXPORT_EDGE_TYPE };
}

/** As exported, for a new object the caller owns: the name is set on it rather than copied. */
export function exportedOwn<T extends object>(fresh: T): Exported<T> {
  const out = fresh as Exported<T>;
  out.type = EXPORT_EDGE_TYPE;
  return out;
}
