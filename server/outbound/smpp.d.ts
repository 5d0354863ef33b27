// The part of the untyped `smpp` package (SMPP 3.4/5.0 client and server) that Pingyi and its tests use.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): PDU;
    isResponse(): boolean;
  }
  export type ResponseCallback = (pdu: PDU) => void;
  export interface Session extends EventEmitter {
    send(pdu: PDU, onResponse?: ResponseCallback, onSent?: ResponseCallback): boolean;
    bind_transceiver(options: Record<string, unknown>, onResponse?: ResponseCallback): boolean;
    submit_sm(options: Record<string, unknown>, onResponse?: ResponseCallback): boolean;
    deliver_sm(options: Record<string, unknown>, onResponse?: ResponseCallback): boolean;
    enquire_link(options?: Record<string, unknown>, onResponse?: ResponseCallback): boolean;
    unbind(options?: Record<string, unknown>, onResponse?: ResponseCallback): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    socket: import('node:net').Socket;
  }
  export interface Server extends NetServer {
    sessions: Session[];
  }
  export function connect(
    options: { url?: string; host?: string; port?: number; auto_enquire_link_period?: number; connectTimeout?: number },
    listener?: () => void,
  ): Session;
  export function createServer(listener: (session: Session) => void): Server;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export const errors: Record<string, number>;
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVDSTADR: number;
  export const ESME_RTHROTTLED: number;
  export const ESM_CLASS: { MC_DELIVERY_RECEIPT: number; [name: string]: number };
  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    errors: typeof errors;
    ESM_CLASS: typeof ESM_CLASS;
    [name: string]: unknown;
  };
  export default smpp;
}
