/** The renderer's entry point: one React root over the app, with the backend this edition runs on. */
import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createBackend } from './backend';
import './styles.css';

// zod compiles fast paths with `new Function`; the CSP forbids eval, and even zod's guarded probe would
// be reported as a CSP violation. jitless keeps zod on its interpreter.
z.config({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App backend={createBackend()} />
  </StrictMode>,
);
