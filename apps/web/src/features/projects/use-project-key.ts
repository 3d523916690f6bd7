import { useParams } from 'react-router';

/** The `:key` of the project route; every project page sits under it, so it is always there. */
export function useProjectKey(): string {
  const { key } = useParams();
  if (!key) throw new Error('useProjectKey used outside /projects/:key');
  return key;
}
