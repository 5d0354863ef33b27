// Drafts save as the enterprise goes: every change is mirrored to this phone at once, and sent to
// the server after a pause in typing. Failed sends retry (and on reconnect); nothing is lost offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, putDraft } from './api.ts';
import { toDraft, type Answers } from './model.ts';
import { localDraft } from './storage.ts';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string | null } | { kind: 'offline'; local: boolean };

const DEBOUNCE_MS = 1500;
const RETRY_MS = 15_000;

interface Options {
  token: string;
  answers: Answers;
  initialSavedAt: string | null;
  /** The opening answers came from this phone and are newer than the server's: send them now. */
  syncOnStart: boolean;
  /** The server refused for good (closed, revoked, submitted elsewhere, unknown link). */
  onGone: (err: ApiError) => void;
}

export function useAutosave({ token, answers, initialSavedAt, syncOnStart, onGone }: Options) {
  const [status, setStatus] = useState<SaveStatus>(
    syncOnStart ? { kind: 'saving' } : initialSavedAt ? { kind: 'saved', at: initialSavedAt } : { kind: 'idle' },
  );
  const s = useRef({
    answers,
    changedAt: Date.now(),
    seq: 0,
    timer: 0 as number | ReturnType<typeof setTimeout>,
    dirty: syncOnStart,
    inFlight: false,
    again: false,
    paused: false,
    stopped: false,
    storedLocally: true,
    onGone,
  });

  const send = useCallback(async () => {
    const st = s.current;
    clearTimeout(st.timer);
    if (st.stopped || st.paused || !st.dirty) return;
    if (st.inFlight) {
      st.again = true;
      return;
    }
    st.inFlight = true;
    const seq = st.seq;
    const draft = toDraft(st.answers);
    setStatus({ kind: 'saving' });
    try {
      const { savedAt } = await putDraft(token, draft);
      if (st.stopped) return;
      if (seq === st.seq) {
        st.dirty = false;
        localDraft.save(token, { changedAt: st.changedAt, dirty: false, draft });
        setStatus({ kind: 'saved', at: savedAt });
      }
    } catch (err) {
      if (st.stopped || st.paused) return;
      if (err instanceof ApiError && [404, 409, 410].includes(err.status)) {
        st.stopped = true;
        st.onGone(err);
        return;
      }
      setStatus({ kind: 'offline', local: st.storedLocally });
      st.timer = setTimeout(() => void send(), RETRY_MS);
    } finally {
      st.inFlight = false;
      if (st.again && !st.stopped) {
        st.again = false;
        void send();
      }
    }
  }, [token]);

  // Every change: this phone's copy now, the server's after a pause.
  useEffect(() => {
    const st = s.current;
    st.onGone = onGone;
    if (answers === st.answers) return;
    st.answers = answers;
    st.seq++;
    st.dirty = true;
    st.changedAt = Date.now();
    st.storedLocally = localDraft.save(token, { changedAt: st.changedAt, dirty: true, draft: toDraft(answers) });
    if (st.stopped || st.paused) return;
    setStatus((prev) => (prev.kind === 'offline' ? prev : { kind: 'saving' }));
    clearTimeout(st.timer);
    st.timer = setTimeout(() => void send(), DEBOUNCE_MS);
  }, [answers, onGone, send, token]);

  // On opening with newer answers from this phone, when back online, and when the page is left:
  // send what is pending now.
  useEffect(() => {
    const flush = () => {
      if (s.current.dirty) void send();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const st = s.current;
    if (st.dirty && !st.inFlight) st.timer = setTimeout(flush, 0);
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(st.timer);
    };
  }, [send]);

  return {
    status,
    /** While submitting: no draft is sent, and a late draft reply is ignored. */
    pause() {
      s.current.paused = true;
      clearTimeout(s.current.timer);
    },
    resume() {
      s.current.paused = false;
      if (s.current.dirty) s.current.timer = setTimeout(() => void send(), 0);
    },
    stop() {
      s.current.stopped = true;
      clearTimeout(s.current.timer);
    },
  };
}
