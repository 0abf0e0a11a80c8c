/** A table lookup that never finds Object.prototype's names ("constructor", "__proto__", "toString"). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
