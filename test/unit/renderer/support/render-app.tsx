/** Renders the whole app over a fake backend and a fresh database, at a given screen. */
import { render } from '@testing-library/react';
import { App } from '../../../../renderer/components/App';
import { db } from '../../../../renderer/db/db';
import { repo } from '../../../../renderer/db/repo';
import { RunRecorder } from '../../../../renderer/lib/run-recorder';
import type { ScreenId } from '../../../../renderer/lib/screens';
import { createFakeBackend, type FakeBackendOptions } from './fake-backend';

/** Empties every table of the app database (tests share the one instance the app uses). */
export async function resetDb(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}

export function renderApp(screen: ScreenId = 'project', options: FakeBackendOptions = {}) {
  window.location.hash = `#/${screen}`;
  const fake = createFakeBackend(options);
  const recorder = new RunRecorder(repo);
  const view = render(<App backend={fake.backend} recorder={recorder} />);
  return { ...view, ...fake, recorder };
}
