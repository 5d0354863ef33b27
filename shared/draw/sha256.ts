// SHA-256 for both Node and the browser, synchronous (WebCrypto's digest is async, and shared/ is
// bundled for the web, so node:crypto is not available here): @noble/hashes, audited and dependency-free.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of raw bytes. */
export const sha256 = (data: Uint8Array): Uint8Array => nobleSha256(data);

/** Lower-case hex of bytes. */
export const toHex = (bytes: Uint8Array): string => bytesToHex(bytes);

/** SHA-256 of a string encoded as UTF-8, as 64 lower-case hex characters. */
export const sha256Hex = (text: string): string => bytesToHex(nobleSha256(utf8ToBytes(text)));
