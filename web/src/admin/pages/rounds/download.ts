// Files from the API (the draw record, the invitation workbook) saved under a chosen name.
// Fetched rather than linked, so that a refusal shows as a message instead of a saved error page.
import { ApiError } from '../../../api.ts';

export async function downloadFile(url: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', 'The server could not be reached', undefined, { cause });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const code = body?.error?.code ?? (res.status >= 500 ? 'internal' : `http_${res.status}`);
    throw new ApiError(res.status, code, body?.error?.message ?? res.statusText);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
