import { SYSTEM_KINDS, type SystemKind } from '../../../core/types';
import type { ProjectInput } from '../../../core/project/schema';
import { useApp } from '../../hooks/useApp';
import { useSourcePreview } from '../../hooks/useSourcePreview';
import { removeSource, updateSource, type SourceInput } from '../../lib/project-edit';
import { MappingEditor } from './MappingEditor';
import { PresetPanel } from './PresetPanel';
import { SourceFiles } from './SourceFiles';
import { SourcePreviewTable } from './SourcePreviewTable';

const FORMATS = ['auto', 'csv', 'json', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];

/** One source: what it is, its files and what they look like, and its mapping. */
export function SourceDetail({ project, source, sourceIndex }: { project: ProjectInput; source: SourceInput; sourceIndex: number }) {
  const { editProject } = useApp();
  const { preview, error, loading } = useSourcePreview(project, source.id);
  const change = (next: SourceInput) => editProject((p) => updateSource(p, source.id, () => next));

  return (
    <div className="source-detail" data-testid={`source-${source.id}`}>
      <div className="source-head">
        <h3>
          {source.label ?? source.id} {source.id === project.primary && <span className="badge">primary</span>}
        </h3>
        <label>
          Label
          <input value={source.label ?? ''} onChange={(e) => change({ ...source, label: e.target.value || undefined })} />
        </label>
        <label>
          System
          <select value={source.system} onChange={(e) => change({ ...source, system: e.target.value as SystemKind })}>
            {SYSTEM_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={source.format ?? 'auto'} onChange={(e) => change({ ...source, format: e.target.value as Format })}>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        {source.id !== project.primary && (
          <button type="button" className="link danger" onClick={() => editProject((p) => removeSource(p, source.id))}>
            Remove source
          </button>
        )}
      </div>
      <SourceFiles source={source} />
      <h4>What the files hold</h4>
      {loading && !preview && <p className="muted">Reading the files…</p>}
      {error && (
        <p className="issue-error" role="alert">
          {error}
        </p>
      )}
      {preview && <PresetPanel source={source} preview={preview} onChange={change} />}
      {preview && <SourcePreviewTable preview={preview} />}
      <h4>Mapping</h4>
      <MappingEditor source={source} sourceIndex={sourceIndex} preview={preview} onChange={change} />
    </div>
  );
}
