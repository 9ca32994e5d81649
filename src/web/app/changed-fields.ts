/**
 * The fields of `now` that differ from `opened`: an edit sends only these, so a field the form does
 * not show, or cannot hold the whole stored value of, is never rewritten by a re-save.
 */
export function changedFields<T extends object>(opened: T, now: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(now).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(opened[key as keyof T]),
    ),
  ) as Partial<T>;
}
