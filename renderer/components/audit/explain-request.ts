/**
 * Hands a query from an audit view ("Explain this record") to the Explain screen, which takes it when it
 * mounts. A module variable, not the URL: what a person quotes (an email, a name) stays out of the address.
 */
let pending: string | null = null;

/** Asks the Explain screen to run `query` next time it opens. */
export function requestExplain(query: string): void {
  pending = query;
}

/** The query another view asked for, once. */
export function takeExplainRequest(): string | null {
  const query = pending;
  pending = null;
  return query;
}

/** What to quote for a record: its external id, else its key, else an email or name it has. */
export function quoteFor(record: { externalId: string | null; key: string | null; attributes: Record<string, unknown> }): string {
  const email = record.attributes.email;
  const name = record.attributes.display_name;
  return record.externalId ?? record.key ?? (typeof email === 'string' ? email : typeof name === 'string' ? name : '');
}
