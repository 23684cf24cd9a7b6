import { useContext } from 'react';
import { AppContext, type AppContextValue } from '../lib/app-context';

/** The app context; only components under <App> call it. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp is used outside <App>.');
  return value;
}
