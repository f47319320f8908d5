// graphology's CommonJS packages declare `export default` in their types; under Node's ESM loader
// the function arrives as the namespace's `default` (or, bundled, as the namespace itself).

export function cjsDefault<T>(namespace: unknown): T {
  return ((namespace as { default?: T }).default ?? namespace) as T;
}
