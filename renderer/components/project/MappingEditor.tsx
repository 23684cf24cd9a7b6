import { DERIVED_ATTRIBUTES, STANDARD_ATTRIBUTES } from '../../../core/map/standard';
import type { Issue } from '../../../core/issues';
import type { Scalar } from '../../../core/types';
import type { SourcePreview } from '../../backend/backend';
import { MAPPING_SAMPLE, useMappingPreview } from '../../hooks/useMappingPreview';
import { setMappingEntry, type SourceInput } from '../../lib/project-edit';

const show = (v: Scalar | undefined) => (v === null || v === undefined ? '∅' : String(v));

function InlineIssues({ issues, id }: { issues: Issue[] | undefined; id: string }) {
  if (!issues?.length) return null;
  return (
    <ul className="inline-issues" id={id}>
      {issues.map((issue, i) => (
        <li key={i} className={`issue-${issue.severity}`}>
          {issue.message}
          {issue.fix && <span className="issue-fix"> {issue.fix}</span>}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  source: SourceInput;
  sourceIndex: number;
  preview: SourcePreview | null;
  onChange(source: SourceInput): void;
}

/** attribute -> column, path or expression, with the values it gives on the first sample records. */
export function MappingEditor({ source, sourceIndex, preview, onChange }: Props) {
  const result = useMappingPreview(source, sourceIndex, preview);
  const entries = Object.entries(source.mapping);
  const samples = Array.from({ length: Math.min(MAPPING_SAMPLE, preview?.sample.length ?? 0) }, (_, i) => i);
  const listId = `attributes-${source.id}`;
  const columnsId = `columns-${source.id}`;

  const addEntry = () => {
    let n = 1;
    while (`custom_${n}` in source.mapping) n++;
    onChange({ ...source, mapping: { ...source.mapping, [`custom_${n}`]: preview?.columns[0] ?? 'id' } });
  };

  return (
    <div className="mapping-editor" data-testid="mapping-editor">
      <datalist id={listId}>
        {[...Object.keys(STANDARD_ATTRIBUTES), ...Object.keys(DERIVED_ATTRIBUTES)].map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id={columnsId}>{preview?.columns.map((c) => <option key={c} value={c} />)}</datalist>
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Column, path or expression</th>
            {samples.map((i) => (
              <th scope="col" key={i} className="sample-col">
                Record {i + 1}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="external-id">
            <th scope="row">externalId</th>
            <td>
              <input
                aria-label="externalId: the source's own user id"
                value={source.externalId}
                list={columnsId}
                onChange={(e) => onChange({ ...source, externalId: e.target.value })}
                aria-invalid={result.issues.externalId ? true : undefined}
                aria-describedby={result.issues.externalId ? `${source.id}-externalId-issues` : undefined}
              />
              <InlineIssues issues={result.issues.externalId} id={`${source.id}-externalId-issues`} />
            </td>
            {samples.map((i) => (
              <td key={i} className="sample-col">
                {show(result.rows[i]?.externalId)}
              </td>
            ))}
            <td />
          </tr>
          {entries.map(([name, value], index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`Attribute name ${index + 1}`}
                  value={name}
                  list={listId}
                  onChange={(e) => onChange(setMappingEntry(source, name, { name: e.target.value, value }))}
                />
              </td>
              <td>
                <input
                  aria-label={`Mapping of ${name}`}
                  value={value}
                  list={columnsId}
                  onChange={(e) => onChange(setMappingEntry(source, name, { name, value: e.target.value }))}
                  aria-invalid={result.issues[name] ? true : undefined}
                  aria-describedby={result.issues[name] ? `${source.id}-${index}-issues` : undefined}
                />
                <InlineIssues issues={result.issues[name]} id={`${source.id}-${index}-issues`} />
              </td>
              {samples.map((i) => (
                <td key={i} className="sample-col">
                  {show(result.rows[i]?.attributes[name])}
                </td>
              ))}
              <td>
                <button type="button" className="link" aria-label={`Remove ${name}`} onClick={() => onChange(setMappingEntry(source, name, null))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <InlineIssues issues={result.issues['']} id={`${source.id}-other-issues`} />
      <button type="button" onClick={addEntry}>
        Add attribute
      </button>
    </div>
  );
}
