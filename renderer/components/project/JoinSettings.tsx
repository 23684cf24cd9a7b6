import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../../core/types';
import { KEY_NORMALIZERS, type KeyNormalizer, type ProjectInput } from '../../../core/project/schema';
import { primaryAttributes } from '../../lib/project-edit';

type Join = NonNullable<ProjectInput['join']>;

/** Primary source, joining key, fallback keys, key normalization and the duplicate policy. */
export function JoinSettings({ project, onChange }: { project: ProjectInput; onChange(next: ProjectInput): void }) {
  const join: Join = project.join ?? {};
  const key = join.key ?? 'email';
  const fallbacks = join.fallbackKeys ?? [];
  const normalize = join.normalize ?? ['trim', 'lower'];
  const attributes = [...new Set([...primaryAttributes(project), key])];
  const setJoin = (patch: Partial<Join>) => onChange({ ...project, join: { ...join, ...patch } });
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return (
    <fieldset className="card" data-testid="join-settings">
      <legend>Join</legend>
      <label>
        Primary source <span className="muted">(only its users become roster users)</span>
        <select value={project.primary} onChange={(e) => onChange({ ...project, primary: e.target.value })} data-testid="primary-source">
          {project.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label ?? s.id} ({s.system})
            </option>
          ))}
        </select>
      </label>
      <label>
        Joining key
        <select value={key} onChange={(e) => setJoin({ key: e.target.value })} data-testid="join-key">
          {attributes.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <fieldset className="inline-choices">
        <legend>Fallback keys, in order</legend>
        {attributes
          .filter((a) => a !== key)
          .map((a) => (
            <label key={a}>
              <input type="checkbox" checked={fallbacks.includes(a)} onChange={() => setJoin({ fallbackKeys: toggle(fallbacks, a) })} />
              {a}
            </label>
          ))}
      </fieldset>
      <fieldset className="inline-choices">
        <legend>Key normalization</legend>
        {KEY_NORMALIZERS.map((n: KeyNormalizer) => (
          <label key={n}>
            <input type="checkbox" checked={normalize.includes(n)} onChange={() => setJoin({ normalize: toggle(normalize, n) })} />
            {n}
          </label>
        ))}
      </fieldset>
      <label>
        Duplicate keys in a source
        <select value={join.duplicatePolicy ?? 'prefer-active'} onChange={(e) => setJoin({ duplicatePolicy: e.target.value as DuplicatePolicy })}>
          {DUPLICATE_POLICIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
