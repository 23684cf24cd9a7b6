import type { SourcePreview } from '../../backend/backend';
import { formatCount } from '../../lib/format';

const MAX_COLUMNS = 12;
const ROWS = 5;

/** A column's value: the exact key first (CSV headers may contain dots), else the dotted path (JSON). */
function read(record: Record<string, unknown>, column: string): unknown {
  if (column in record) return record[column];
  return column.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Per file: format, encoding, delimiter and records; then the first records of the source. */
export function SourcePreviewTable({ preview }: { preview: SourcePreview }) {
  const columns = preview.columns.slice(0, MAX_COLUMNS);
  return (
    <div className="source-preview" data-testid="source-preview">
      <table className="files-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Encoding</th>
            <th scope="col">Delimiter</th>
            <th scope="col" className="num">
              Records
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.files.map((f) => (
            <tr key={f.name}>
              <td>{f.name}</td>
              <td data-testid="detected-format">{f.format}</td>
              <td>{f.encoding ?? ''}</td>
              <td>{f.delimiter === undefined ? '' : f.delimiter === '\t' ? 'tab' : `"${f.delimiter}"`}</td>
              <td className="num" data-testid="record-count">
                {formatCount(f.records)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.issues.length > 0 && (
        <ul className="inline-issues">
          {preview.issues.map((issue, i) => (
            <li key={i} className={`issue-${issue.severity}`}>
              {issue.message}
              {issue.fix && <span className="issue-fix"> {issue.fix}</span>}
            </li>
          ))}
        </ul>
      )}
      {preview.sample.length > 0 && (
        <div className="sample-scroll" tabIndex={0} aria-label="First records">
          <table className="sample-table">
            <caption className="sr-only">First records of the source</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.slice(0, ROWS).map((record, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{cell(read(record, c))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.columns.length > MAX_COLUMNS && <p className="muted">and {preview.columns.length - MAX_COLUMNS} more columns</p>}
        </div>
      )}
    </div>
  );
}
