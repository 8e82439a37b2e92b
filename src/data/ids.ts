// Habit ids: readable (a slug of the name) and unique (a short random suffix).

/** A URL- and file-safe slug of a name: lower-case ASCII letters, digits and dashes, at most 24 chars. */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return s || 'habit';
}

/** n random base-36 characters from the platform's CSPRNG (page, worker and Node alike). */
export function randomSuffix(n = 4): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** A new habit id such as "read-10-pages-k3x9". */
export function newHabitId(name: string): string {
  return `${slugify(name)}-${randomSuffix()}`;
}
