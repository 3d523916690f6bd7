const HUES = [250, 200, 160, 30, 330, 280, 10, 110];

/** A stable colour per person, so the same teammate always looks the same on every board. */
function hueFor(seed: string): number {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return HUES[Math.abs(hash) % HUES.length] ?? 250;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]?.slice(0, 2)];
  return (
    letters
      .map((p) => p?.[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

export function Avatar({ name, id }: { name: string; id: string }) {
  return (
    <span
      className="avatar"
      title={name}
      aria-label={name}
      style={{ background: `hsl(${hueFor(id)} 55% 48%)` }}
    >
      {initials(name)}
    </span>
  );
}
