// Motion as the reader's system asks: with "reduce motion" on (an accessibility setting), antd opens dialogs,
// menus and lists at once instead of animating them in and out.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const media = () => (typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null);

function subscribe(onChange: () => void) {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export const useReducedMotion = (): boolean => useSyncExternalStore(subscribe, () => media()?.matches ?? false);
