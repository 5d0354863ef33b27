import { describe, expect, it } from 'vitest';
import type { Outbox } from '#shared/schemas/outbox.ts';
import { awaitingDownload, failures, isInDoubt, statusCounts } from './outbox-view.ts';

const message = (id: number, status: Outbox['messages'][number]['status'], day: string, channel: 'sms' | 'email' = 'sms') => ({
  id,
  uscc: `U${id}`,
  name: `企业${id}`,
  channel,
  kind: 'invitation' as const,
  day,
  to: '138****5678',
  status,
  attempts: 1,
  reason: null,
  sentAt: null,
  deliveredAt: null,
});
const box = (sms: boolean, messages: Outbox['messages']): Outbox => ({
  roundId: '2026Q1',
  gateways: { sms, email: false },
  quietHours: '21-8',
  plan: { invitation: true, reminderDays: [3, 7], finalReminder: true },
  counts: { queued: 2, failed: 1, refused: 1 } as Outbox['counts'],
  invalidPhones: [],
  messages,
});

describe('the outbox page', () => {
  it('shows every status in order, zero where none', () => {
    expect(statusCounts(box(true, []))).toEqual([
      { status: 'queued', count: 2 },
      { status: 'sent', count: 0 },
      { status: 'delivered', count: 0 },
      { status: 'failed', count: 1 },
      { status: 'refused', count: 1 },
    ]);
  });

  it('lists failures and refusals, the latest first', () => {
    const list = failures(
      box(true, [
        message(1, 'failed', '2026-03-02'),
        message(2, 'sent', '2026-03-05'),
        message(3, 'refused', '2026-03-05'),
        message(4, 'failed', '2026-03-05'),
      ]),
    );
    expect(list.map((m) => m.id)).toEqual([4, 3, 1]);
  });

  it("counts today's SMS waiting for the download only when there is no SMS gateway", () => {
    const messages = [
      message(1, 'queued', '2026-03-05'),
      message(2, 'queued', '2026-03-04'),
      message(3, 'queued', '2026-03-05', 'email'),
      message(4, 'sent', '2026-03-05'),
    ];
    expect(awaitingDownload(box(false, messages), '2026-03-05')).toBe(1);
    expect(awaitingDownload(box(true, messages), '2026-03-05')).toBe(0);
  });

  it('tells a message in doubt from other failures', () => {
    expect(isInDoubt({ status: 'failed', reason: 'in doubt: the sending process stopped before the gateway answered' })).toBe(true);
    expect(isInDoubt({ status: 'failed', reason: 'ESME_RTHROTTLED' })).toBe(false);
    expect(isInDoubt({ status: 'delivered', reason: null })).toBe(false);
  });
});
