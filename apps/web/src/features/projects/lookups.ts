import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { epicsQuery } from '../roadmap/queries';
import { membersQuery } from './queries';

/** Index a list by id once per change, for the many cards and rows that name an epic or a person. */
function byId<T>(items: readonly T[] | undefined, idOf: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [idOf(item), item]));
}

export function useEpicsById(key: string) {
  const { data } = useQuery(epicsQuery(key));
  return useMemo(() => byId(data?.items, (e) => e.id), [data]);
}

export function useMembersById(key: string) {
  const { data } = useQuery(membersQuery(key));
  return useMemo(() => byId(data?.items, (m) => m.user.id), [data]);
}
