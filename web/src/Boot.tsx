// What shows before either app has loaded: a loading line, and if an app's code cannot be fetched (the
// network dropped, or a new release replaced the files) a message with a retry instead of a blank page.
// It lives in the entry chunk, so it uses neither antd nor i18next: two languages inline, plain styles.
import { Component, type ReactNode } from 'react';

const TEXT = {
  zh: { loading: '正在加载…', title: '页面没有加载完整', body: '网络连接不稳定，页面没有加载完整。请检查网络后重试。', retry: '重试' },
  en: {
    loading: 'Loading…',
    title: 'The page did not load completely',
    body: 'The connection is unstable and the page did not load completely. Check your network and try again.',
    retry: 'Try again',
  },
};

/** The language chosen with the app's switch (the key is i18n.ts's), Chinese by default. */
function text() {
  try {
    return window.localStorage.getItem('pingyi.lang') === 'en' ? TEXT.en : TEXT.zh;
  } catch {
    return TEXT.zh;
  }
}

const box = {
  maxWidth: 480,
  margin: '20vh auto 0',
  padding: '0 20px',
  textAlign: 'center',
  fontFamily: 'system-ui, sans-serif',
  color: '#333',
} as const;

export function Booting() {
  return (
    <p role="status" style={box}>
      {text().loading}
    </p>
  );
}

function LoadFailed() {
  const s = text();
  return (
    <div role="alert" style={box} data-testid="boot-failed">
      <h1 style={{ fontSize: 20 }}>{s.title}</h1>
      <p>{s.body}</p>
      <button type="button" onClick={() => window.location.reload()} style={{ fontSize: 16, minHeight: 44, padding: '0 24px' }}>
        {s.retry}
      </button>
    </div>
  );
}

/** Catches what escapes the apps' own boundaries: above all a chunk that failed to load. */
export class BootBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
