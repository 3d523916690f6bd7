import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { projectQuery } from '../projects/queries';
import type { Names } from './history-words';

/** The names behind the ids events mention (statuses, people, epics), from what the project's pages have loaded. */
export function useNames(projectKey: string): Names {
  const statuses = useQuery(projectQuery(projectKey)).data?.statuses;
  const members = useMembersById(projectKey);
  const epics = useEpicsById(projectKey);
  return useMemo(
    () => ({
      status: (id) => statuses?.find((s) => s.id === id)?.name,
      person: (id) => {
        const m = members.get(id);
        return m && { name: m.user.name, roles: m.roles };
      },
      epic: (id) => epics.get(id)?.title,
    }),
    [statuses, members, epics],
  );
}
