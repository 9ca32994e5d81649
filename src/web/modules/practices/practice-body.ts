/**
 * The fields of `now` whose value differs from `opened` (compared as JSON, so lists compare by
 * content and order). An edit form sends only these: a field it left alone, or shows in a way that
 * cannot hold the whole stored value, is then never rewritten by a re-save.
 */
export function changedFields<T extends Record<string, unknown>>(opened: T, now: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(opened[key])),
  ) as Partial<T>;
}
