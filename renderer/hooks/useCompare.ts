import { useEffect, useState } from 'react';
import { createCompareClient, type CompareClient } from '../worker/compare-client';
import type { CompareOverview } from '../worker/compare-protocol';

export type CompareState =
  | { status: 'idle' }
  | { status: 'loading'; progress: string }
  | { status: 'ready'; overview: CompareOverview; client: CompareClient }
  | { status: 'failed'; message: string };

/**
 * The comparison of runs `a` and `b`, computed in a worker (compare-client.ts): a new worker per pair,
 * terminated when the pair changes or the screen closes.
 */
export function useCompare(a: string | null, b: string | null): CompareState {
  const [state, setState] = useState<CompareState>({ status: 'idle' });
  useEffect(() => {
    if (!a || !b) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    const client = createCompareClient();
    setState({ status: 'loading', progress: 'Starting the comparison' });
    client
      .open(a, b, (progress) => live && setState({ status: 'loading', progress }))
      .then(
        (overview) => live && setState({ status: 'ready', overview, client }),
        (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
      client.dispose();
    };
  }, [a, b]);
  return state;
}
