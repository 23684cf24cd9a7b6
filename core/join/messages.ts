/** Why a record ended in its state: one plain sentence each, shown in record lists and traces. */
const quote = (v: string) => `"${v}"`;

export const joinDetails = {
  filtered: (rules: string[]) => `filtered out by rule${rules.length > 1 ? 's' : ''} ${rules.map(quote).join(', ')}`,
  missingKey: (keys: string[]) => `no value for the joining key${keys.length > 1 ? 's' : ''} ${keys.map(quote).join(', ')}`,
  duplicate: (key: string, count: number, reason: string, kept: { externalId: string | null; file: string; row: number } | null) =>
    `${count} records share key ${quote(key)}; ${reason}${kept ? ` (${kept.externalId ? `id ${quote(kept.externalId)}, ` : ''}${kept.file} row ${kept.row})` : ''}`,
  primary: (attribute: string) => `made a roster user (primary source, key ${quote(attribute)})`,
  joined: (attribute: string, key: string) => `linked by ${attribute} ${quote(key)}`,
  orphan: (primary: string, keys: Record<string, string>) => {
    const tried = Object.entries(keys).map(([a, v]) => `${a} ${quote(v)}`);
    return `no user of the primary source "${primary}" has ${tried.join(' or ')}`;
  },
  ambiguousUsers: (attribute: string, value: string, users: number) =>
    `${attribute} ${quote(value)} belongs to ${users} roster users, so it links none of them`,
  ambiguousKept: (records: number, matchedBy: string) =>
    `${records} records of this source match the same user; the one matched by ${matchedBy} is linked, the others are not`,
  ambiguousTie: (records: number, matchedBy: string) =>
    `${records} records of this source match the same user by ${matchedBy}; none is linked until only one remains`,
};
