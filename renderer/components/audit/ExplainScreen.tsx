import { useState, type FormEvent } from 'react';
import { traceHtml } from '../../../core/explain/html';
import type { Trace } from '../../../core/explain/types';
import type { RunHeader } from '../../../core/run/stream';
import type { RunEntity } from '../../db/entities';
import { useApp } from '../../hooks/useApp';
import { useAuditPrefetch, useAuditTask } from '../../hooks/useAuditTask';
import { useSelectedRun } from '../../hooks/useRuns';
import { errorText } from '../../lib/errors';
import { NoRun, RunPicker } from '../shell/RunPicker';
import { takeExplainRequest } from './explain-request';
import { TraceView } from './TraceView';
import { WorkerStatus } from './WorkerStatus';
import './audit.css';
import { SafeguardBanner } from '../history/SafeguardBanner';

/** "Why?": one search box for anything a person can quote, answered with core/explain's trace. */
export function ExplainScreen() {
  const { runs, run } = useSelectedRun();
  if (runs === undefined || run === undefined) return <p className="muted">Loading runs…</p>;
  if (run === null || !run.header) return <NoRun />;
  return <Explain key={run.id} runs={runs} run={run} header={run.header} />;
}

/** A file name from the query: letters, digits, dots and dashes only. */
const fileStem = (query: string) => `why-${query.trim().toLowerCase().replace(/[^a-z0-9.@-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'trace'}`;

function Explain({ runs, run, header }: { runs: RunEntity[]; run: RunEntity; header: RunHeader }) {
  const { backend, notify } = useApp();
  const [initial] = useState(() => takeExplainRequest());
  useAuditPrefetch(run.id);
  const [text, setText] = useState(initial ?? '');
  const [query, setQuery] = useState(initial ?? '');
  const task = useAuditTask(query.trim() ? { type: 'explain', runId: run.id, query: query.trim() } : null);
  const trace = task.answer;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text);
  };
  const save = async (kind: 'json' | 'html', shown: Trace) => {
    try {
      const content = kind === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : traceHtml(shown);
      if (await backend.saveText(`${fileStem(shown.query)}.${kind}`, content)) notify('info', `Saved the trace of “${shown.query}” as ${kind.toUpperCase()}.`);
    } catch (error) {
      notify('error', `The trace could not be saved: ${errorText(error)}`);
    }
  };

  return (
    <section className="explain-screen" aria-labelledby="explain-title">
      <div className="screen-head">
        <h1 id="explain-title">Explain</h1>
        <RunPicker runs={runs} run={run} />
      </div>
      <SafeguardBanner header={header} />
      <form className="toolbar explain-form" onSubmit={submit} role="search">
        <label className="search">
          <span className="sr-only">Who or what to explain</span>
          <input
            type="search"
            placeholder="Email, name, employee id, or any system's user id"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="explain-query"
            autoFocus
          />
        </label>
        <button type="submit" className="primary" data-testid="explain-submit">
          Why?
        </button>
        {trace && !task.loading && (
          <>
            <button type="button" onClick={() => void save('json', trace)} data-testid="export-trace-json">
              Export JSON
            </button>
            <button type="button" onClick={() => void save('html', trace)} data-testid="export-trace-html">
              Export HTML
            </button>
          </>
        )}
      </form>
      <WorkerStatus task={task} />
      {!query.trim() && (
        <p className="muted">
          Quote anything a person would: their email, their name as “first last”, an employee id, an Okta, ServiceNow or Slack id. The trace shows every record that
          matches in every source, what became of it and why, the merged profile with where each value came from, the enablement reason and the coverage gaps.
        </p>
      )}
      {trace && <TraceView trace={trace} header={header} />}
    </section>
  );
}
