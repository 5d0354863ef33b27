import { useReducer, useRef } from 'react';
import { ApiError } from '../../api.ts';
import { importFlow, initialFlow, TOO_LARGE, tooLarge, type ImportFlow } from './flow.ts';

interface Io<R, O> {
  preview(file: File, options?: O): Promise<R>;
  apply(file: File, options?: O): Promise<R>;
  /** The rows that made the server refuse the import (its 422 details), or null for any other failure. */
  refusedRows(error: unknown): R | null;
}

/** The import flow's state and its actions: `choose` a file, `recheck` it with new options, `apply`, `restart`. */
export function useImportFlow<R, O = never>(io: Io<R, O>) {
  const [state, dispatch] = useReducer(importFlow<R>, undefined, initialFlow<R>);
  const seq = useRef(0); // names each preview and import, so a late answer to an older one is dropped

  const runCheck = async (file: File, options: O | undefined, keepResult: boolean) => {
    const check = ++seq.current;
    dispatch({ type: 'checkStarted', check });
    try {
      dispatch({ type: 'checked', check, result: await io.preview(file, options) });
    } catch (error) {
      dispatch({ type: 'checkFailed', check, error, keepResult });
    }
  };

  return {
    state: state as ImportFlow<R>,
    choose(file: File) {
      const check = ++seq.current;
      dispatch({ type: 'choose', file, check });
      if (tooLarge(file))
        dispatch({
          type: 'checkFailed',
          check,
          error: new ApiError(TOO_LARGE.status, TOO_LARGE.code, 'file too large'),
          keepResult: false,
        });
      else void runCheck(file, undefined, false);
    },
    /** Checks the file again with new options; `shown` is what the page shows meanwhile (e.g. the new mapping). */
    recheck(options: O, shown: R) {
      if (!state.file) return;
      dispatch({ type: 'edited', result: shown });
      void runCheck(state.file, options, true);
    },
    async apply(options?: O) {
      if (!state.file) return;
      dispatch({ type: 'applyStarted', check: ++seq.current });
      try {
        dispatch({ type: 'applied', result: await io.apply(state.file, options) });
      } catch (error) {
        const rows = io.refusedRows(error);
        dispatch(rows ? { type: 'refused', result: rows } : { type: 'applyFailed', error });
      }
    },
    restart: () => dispatch({ type: 'restart', check: ++seq.current }),
  };
}
