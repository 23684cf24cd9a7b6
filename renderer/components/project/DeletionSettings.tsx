import type { ProjectInput } from '../../../core/project/schema';

type Deletion = NonNullable<ProjectInput['deletion']>;

/** The deletion window and the mass-deletion safeguard. */
export function DeletionSettings({ project, onChange }: { project: ProjectInput; onChange(next: ProjectInput): void }) {
  const deletion: Deletion = project.deletion ?? {};
  const set = (patch: Partial<Deletion>) => onChange({ ...project, deletion: { ...deletion, ...patch } });
  const number = (value: string) => (value === '' ? undefined : Number(value));
  return (
    <fieldset className="card" data-testid="deletion-settings">
      <legend>Deletions</legend>
      <label>
        Deletion window (days)
        <input type="number" min={1} max={365} value={deletion.windowDays ?? 7} onChange={(e) => set({ windowDays: number(e.target.value) })} data-testid="deletion-window" />
      </label>
      <p className="muted">A user missing from the primary source waits this long before deletion; one who returns is restored.</p>
      <label>
        Safeguard: more than this many deletions
        <input type="number" min={1} value={deletion.safeguardCount ?? 500} onChange={(e) => set({ safeguardCount: number(e.target.value) })} />
      </label>
      <label>
        …or more than this share of the previous roster (%)
        <input
          type="number"
          min={1}
          max={100}
          value={Math.round((deletion.safeguardShare ?? 0.2) * 100)}
          onChange={(e) => set({ safeguardShare: e.target.value === '' ? undefined : Number(e.target.value) / 100 })}
        />
      </label>
    </fieldset>
  );
}
