/** URL builders for the API contract, so a path is spelled once. Segments are encoded. */
const e = encodeURIComponent;

export const projectPath = (key: string) => `/projects/${e(key)}`;
export const storyPath = (key: string, story: string) => `${projectPath(key)}/stories/${e(story)}`;
export const productPath = (key: string) => `/products/${e(key)}`;
export const sprintPath = (key: string, sprintId: string) => `${projectPath(key)}/sprints/${e(sprintId)}`;

/** `?a=1&b=2` from the defined, non-empty values, or '' when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
}
