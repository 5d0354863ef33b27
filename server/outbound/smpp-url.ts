// SMS_GATEWAY's shape, read by the config (no SMPP code needed to check it).

export interface SmppSettings {
  host: string;
  port: number;
  systemId: string;
  password: string;
  sender: string;
}

/** smpp://system_id:password@host:port → its parts; null when it is not such a URL. */
export function parseSmppUrl(value: string): Omit<SmppSettings, 'sender'> | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'smpp:' || !url.hostname || !url.username) return null;
  return {
    host: url.hostname,
    port: Number(url.port || 2775),
    systemId: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}
