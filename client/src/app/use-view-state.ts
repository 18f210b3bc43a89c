import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from '../url/view-state.js';

/**
 * The view state (Vietnamese unless the link says otherwise), mirrored into the location hash (replaceState, so panning
 * does not flood the history). A hash edited by hand or pasted is read back.
 */
export function useViewState(onExternalChange: (state: ViewState) => void): [ViewState, (update: (prev: ViewState) => ViewState) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.hash, 'vi'));
  const written = useRef<string>('');
  const external = useRef(onExternalChange);
  external.current = onExternalChange;

  useEffect(() => {
    const hash = serializeViewState(state);
    written.current = hash;
    if (window.location.hash.replace(/^#/, '') !== hash) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${hash}`);
    }
    document.documentElement.lang = state.lang;
  }, [state]);

  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash.replace(/^#/, '');
      if (hash === written.current) return;
      const next = parseViewState(hash, state.lang);
      setState(next);
      external.current(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [state.lang]);

  const update = useCallback((fn: (prev: ViewState) => ViewState) => setState(fn), []);
  return [state, update];
}
