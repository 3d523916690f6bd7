/** A moment in the reader's locale: "21 Nov 2025, 14:03". */
export const formatMoment = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO day in the reader's locale: "21 Nov 2025". */
export const formatDay = (day: string) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** An ISO day without the year, for chart axes: "21 Nov". */
export const formatShortDay = (day: string) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** "1 story", "5,000 stories". */
export const storyCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'story' : 'stories'}`;
