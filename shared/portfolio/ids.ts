/** Ids for new entities: readable slugs, unique within their list. */

/** Lower-case words joined by hyphens, e.g. "CRM revamp (EU)" → "crm-revamp-eu". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** `base` slugged, or with the first free numeric suffix when taken: `new-team`, `new-team-2`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const slug = slugify(base) || 'item';
  if (!taken.has(slug)) return slug;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${slug}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
