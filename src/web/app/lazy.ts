import { type ComponentType, lazy } from 'react';

/**
 * A page loaded on first use, so each module ships as its own chunk and the entry stays small: the
 * sign-in page does not download the case screens, nor the directory the vocabulary editor.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
