// A multipart/form-data body with one file (and optionally the import's column mapping), as the import
// page sends it: one builder for every test that uploads.
export function multipart(filename: string, content: Uint8Array | string, mapping?: object) {
  const boundary = '----pingyi' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  if (mapping)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
