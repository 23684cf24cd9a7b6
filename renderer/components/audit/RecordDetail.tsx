import type { SourceConfig } from '../../../core/project/schema';
import type { RawRecord, RecordOutcome, Scalar } from '../../../core/types';
import { attributeColumns } from '../../../core/export/tables';

/** A mapped value as text; empty values say so. */
export function ValueText({ value }: { value: Scalar | undefined }) {
  return value === null || value === undefined ? <span className="muted">empty</span> : <>{String(value)}</>;
}

/** The mapped attributes of a record, each with the mapping entry behind it (under its name, so the value
 * keeps the width when the raw record sits beside the table). */
export function MappedTable({ attributes, mapping, testId }: { attributes: Record<string, Scalar>; mapping: Record<string, string>; testId?: string }) {
  return (
    <table className="kv mapped" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Attribute · mapping</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {attributeColumns(Object.keys(attributes)).map((name) => (
          <tr key={name}>
            <th scope="row">
              {name}
              <span className="mapping" title={mapping[name]}>
                {mapping[name] ? <code>{mapping[name]}</code> : 'processor'}
              </span>
            </th>
            <td>
              <ValueText value={attributes[name]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The raw record as the export holds it. */
export function RawView({ raw, testId }: { raw: RawRecord | undefined; testId?: string }) {
  if (!raw) return <p className="muted">This run did not store the raw record. Run the project again to see it.</p>;
  return (
    <pre className="raw" data-testid={testId}>
      {JSON.stringify(raw, null, 2)}
    </pre>
  );
}

/** One record: where it is, what became of it, and its raw fields beside the mapped ones. */
export function RecordDetail({ record, source, onExplain }: { record: RecordOutcome; source: SourceConfig | undefined; onExplain?(): void }) {
  return (
    <article className="record-detail" aria-label="Record" data-testid="record-detail">
      <div className="detail-head">
        <h3>
          {record.source} · {record.file} row {record.row}
        </h3>
        {onExplain && (
          <button type="button" onClick={onExplain} data-testid="explain-record">
            Explain…
          </button>
        )}
      </div>
      <p className="detail-facts">
        <span className={`state state-${record.state}`}>{record.state}</span> {record.detail}
      </p>
      <p className="muted detail-facts">
        id <code>{record.externalId ?? '—'}</code> · key <code>{record.key ?? '—'}</code>
        {record.matchedBy && <> · matched by {record.matchedBy}</>}
        {record.filterRules.length > 0 && <> · filters: {record.filterRules.map((r) => `"${r}"`).join(', ')}</>}
      </p>
      <div className="side-by-side">
        <section aria-label="Mapped attributes">
          <h4>Mapped</h4>
          <MappedTable attributes={record.attributes} mapping={source?.mapping ?? {}} testId="record-mapped" />
        </section>
        <section aria-label="Raw record">
          <h4>Raw</h4>
          <RawView raw={record.raw} testId="record-raw" />
        </section>
      </div>
    </article>
  );
}
