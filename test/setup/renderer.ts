/**
 * Setup of the renderer tests (jsdom): an in-memory IndexedDB, and the browser APIs jsdom lacks that the
 * screens use (ResizeObserver for charts and the virtualized table).
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// jsdom lays nothing out; recharts' ResponsiveContainer measures itself and warns at 0x0. Give chart
// containers (only those) a size.
const measure = HTMLElement.prototype.getBoundingClientRect;
HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  return this.classList.contains('recharts-responsive-container') ? new DOMRect(0, 0, 560, 240) : measure.call(this);
};

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
