// A section below the first screen: drawn when the browser is next idle after the first screen has been
// painted, or as soon as it comes near the viewport, whichever is first. Until then an empty block of
// about its height holds its place, so nothing above it moves.
import { useEffect, useRef, useState, type ReactNode } from 'react';

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

export function Deferred({
  children,
  minHeight = 0,
  now = false,
  placeholder,
}: {
  children: ReactNode;
  minHeight?: number;
  now?: boolean;
  placeholder?: ReactNode;
}) {
  const [shown, setShown] = useState(now);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) return;
    const show = () => setShown(true);
    const w = window as IdleWindow;
    // Two frames: the first screen is committed and painted before this section's work starts.
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (w.requestIdleCallback) idle = w.requestIdleCallback(show, { timeout: 500 });
        else show();
      }, 0);
    });
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (seen) => {
              if (seen.some((e) => e.isIntersecting)) show();
            },
            { rootMargin: '200px' },
          );
    if (ref.current) observer?.observe(ref.current);
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      if (idle !== undefined) w.cancelIdleCallback?.(idle);
      observer?.disconnect();
    };
  }, [shown]);
  return shown || now ? (
    <>{children}</>
  ) : (
    <div ref={ref} style={{ minHeight }} aria-hidden="true">
      {placeholder}
    </div>
  );
}
