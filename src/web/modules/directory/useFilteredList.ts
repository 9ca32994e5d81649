import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../../app/api.ts';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total: number;
  totalIsLowerBound?: boolean;
}

/**
 * A directory list: filters kept in the address (so a filtered list can be bookmarked and shared),
 * the search text debounced, pages fetched 50 at a time. `toQuery` narrows the filters to what the
 * server is asked (e.g. a half-chosen corridor stays in the form but filters nothing yet).
 */
export function useFilteredList<T, F extends string>(
  path: '/organisations' | '/people',
  names: readonly ('q' | F)[],
  toQuery: (filters: Record<'q' | F, string>) => Record<string, string> = (f) => f,
) {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(
    () => Object.fromEntries(names.map((f) => [f, params.get(f) ?? ''])) as Record<'q' | F, string>,
  );
  const [q, setQ] = useState(filters.q);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const set = (key: 'q' | F, value: string) =>
    setFilters((previous) => (previous[key] === value ? previous : { ...previous, [key]: value }));
  // Only a real change is written: a redundant write that lands late would undo a click on a result.
  useEffect(() => {
    const next = new URLSearchParams(Object.entries<string>(filters).filter(([, v]) => v));
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [filters, params, setParams]);
  const active = toQuery({ ...filters, q: debouncedQ });
  const list = useInfiniteQuery({
    queryKey: [path.slice(1), active],
    queryFn: ({ pageParam }) =>
      api<Page<T>>(`${path}${queryString({ ...active, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = list.data?.pages[0];
  return {
    filters,
    set,
    /** The search box's text as typed; the list follows it once typing pauses. */
    q,
    search: (text: string) => {
      setQ(text);
      set('q', text.trim());
    },
    active,
    list,
    rows: list.data?.pages.flatMap((p) => p.data) ?? [],
    total: first?.total ?? 0,
    totalIsLowerBound: first?.totalIsLowerBound ?? false,
  };
}
