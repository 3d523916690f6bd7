/** A project key suggested from its name: "Online Shop" → "OS", "Payments" → "PAYM" (2–10 capitals or digits). */
export function suggestKey(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? '').slice(0, 4);
  return letters.replace(/^[0-9]+/, '').slice(0, 10);
}
