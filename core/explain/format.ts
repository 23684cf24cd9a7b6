/** The trace as plain text, for the CLI and for pasting into a ticket. */
import type { Trace } from './types';

const value = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function formatTrace(trace: Trace): string {
  const out: string[] = [`Explain "${trace.query}" (run as of ${trace.asOf})`, '', 'Diagnosis:'];
  out.push(...trace.diagnosis.map((line) => `  - ${line}`));
  if (trace.records.length > 0) out.push('', `Records (${trace.records.length}):`);
  for (const r of trace.records) {
    out.push(`  ${r.source} [${r.system}] ${r.file} row ${r.row}  id ${value(r.externalId)}  -> ${r.state}`);
    out.push(`      matched on: ${r.matchedOn}; key ${value(r.key)}${r.matchedBy ? ` (by ${r.matchedBy})` : ''}`);
    out.push(`      ${r.detail}`);
    if (r.closestKeys?.length) out.push(`      closest primary keys: ${r.closestKeys.join(', ')}`);
    const attrs = Object.entries(r.attributes).filter(([, v]) => v !== null);
    if (attrs.length > 0) out.push(`      mapped: ${attrs.map(([k, v]) => `${k}=${value(v)}`).join(', ')}`);
    if (r.raw) out.push(`      raw: ${JSON.stringify(r.raw)}`);
  }
  for (const u of trace.users) {
    out.push('', `Roster user ${u.userId}`, `  key ${u.key}; ${u.enabledReason}; coverage ${u.coverage.join(', ')}`);
    for (const [name, v] of Object.entries(u.attributes)) {
      const from = u.lineage[name];
      out.push(`  ${name.padEnd(20)} ${value(v)}${from ? `   <- ${from.source}: ${from.field}` : ''}`);
    }
    for (const [source, identity] of Object.entries(u.identities)) {
      out.push(`  identity ${source.padEnd(12)} ${value(identity.id)}  (${identity.matchedBy} "${identity.key}", ${identity.file} row ${identity.row})`);
    }
  }
  return out.join('\n');
}
