import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityDay } from '../city-day.ts';
import { isEmail, maskEmail, maskPhone, normaliseMobile } from './phone.ts';
import { lateReminderDays, planSchedule, reminderDue, retryDelayMs } from './plan.ts';
import { isQuiet, parseQuietHours } from './quiet-hours.ts';
import { isOptOut, messageText, SMS_TEXT_MAX, textLength } from './template.ts';
import { DEFAULT_CONTACT_PLAN, MESSAGE_KINDS } from './vocabulary.ts';

const TZ = 'Asia/Shanghai';
// Opens Monday 2 March 2026 09:00 city time, closes Monday 16 March 09:00.
const opened = new Date('2026-03-02T01:00:00Z');
const closes = new Date('2026-03-16T01:00:00Z');
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

describe('the contact plan', () => {
  it('by default: invitation on the opening day, reminders on days 3 and 7, the last one the day before the deadline', () => {
    expect(planSchedule(DEFAULT_CONTACT_PLAN, opened, closes, TZ)).toEqual([
      { day: '2026-03-02', kind: 'invitation' },
      { day: '2026-03-05', kind: 'reminder' },
      { day: '2026-03-09', kind: 'reminder' },
      { day: '2026-03-15', kind: 'final_reminder' },
    ]);
  });

  it('counts city days: 23:30 city time on day 2 is not yet day 3', () => {
    expect(reminderDue(DEFAULT_CONTACT_PLAN, opened, closes, at('2026-03-04', 23), TZ)).toBeNull();
    expect(reminderDue(DEFAULT_CONTACT_PLAN, opened, closes, new Date('2026-03-04T16:30:00Z'), TZ)).toBe('reminder');
  });

  it('sends nothing on the deadline day or after, and nothing the plan switches off', () => {
    expect(reminderDue(DEFAULT_CONTACT_PLAN, opened, closes, at('2026-03-16', 8), TZ)).toBeNull();
    const none = { invitation: false, reminderDays: [], finalReminder: false };
    expect(planSchedule(none, opened, closes, TZ)).toEqual([]);
  });

  it('never plans two contacts on one day, and every one falls between opening and deadline', () => {
    fc.assert(
      fc.property(
        fc.record({
          invitation: fc.boolean(),
          reminderDays: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }),
          finalReminder: fc.boolean(),
        }),
        fc.integer({ min: 1, max: 40 }),
        (plan, length) => {
          const end = new Date(opened.getTime() + length * 86_400_000);
          const days = planSchedule(plan, opened, end, TZ).map((c) => c.day);
          expect(new Set(days).size).toBe(days.length);
          const endDay = cityDay(end, TZ);
          for (const d of days) expect(d === '2026-03-02' || (d > '2026-03-02' && d < endDay)).toBe(true);
        },
      ),
    );
  });

  it('names the reminder days that fall on or after the deadline day, in city days', () => {
    expect(lateReminderDays({ reminderDays: [14, 3, 13, 20] }, opened, closes, TZ)).toEqual({ days: [14, 20], lastDay: 13 });
    // Opens 00:30 on 2 March city time (still 1 March in UTC), closes 09:00 on 9 March: 7 city days, 8 UTC ones.
    const early = new Date('2026-03-01T16:30:00Z');
    const deadline = new Date('2026-03-09T01:00:00Z');
    expect(lateReminderDays({ reminderDays: [6, 7] }, early, deadline, TZ)).toEqual({ days: [7], lastDay: 6 });
    // The deadline's day follows the opening day: no reminder day fits.
    expect(lateReminderDays({ reminderDays: [1] }, opened, new Date('2026-03-03T01:00:00Z'), TZ)).toEqual({ days: [1], lastDay: 0 });
  });

  it('refuses exactly the days the schedule would never send', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        (reminderDays, hours) => {
          const end = new Date(opened.getTime() + hours * 3_600_000);
          const plan = { invitation: false, reminderDays, finalReminder: false };
          const sent = planSchedule(plan, opened, end, TZ).length;
          expect(sent).toBe(reminderDays.length - lateReminderDays(plan, opened, end, TZ).days.length);
        },
      ),
    );
  });

  it('waits longer after each failure, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});

describe('quiet hours', () => {
  it('21-8 holds SMS from 21:00 to 08:00 city time', () => {
    const q = parseQuietHours('21-8')!;
    expect(isQuiet(q, at('2026-03-02', 20), TZ)).toBe(false);
    expect(isQuiet(q, at('2026-03-02', 21), TZ)).toBe(true);
    expect(isQuiet(q, at('2026-03-03', 7), TZ)).toBe(true);
    expect(isQuiet(q, at('2026-03-03', 8), TZ)).toBe(false);
    // 13:00 UTC is 21:00 in the city.
    expect(isQuiet(q, new Date('2026-03-02T13:00:00Z'), TZ)).toBe(true);
  });

  it('off disables them; nonsense is refused', () => {
    expect(parseQuietHours('off')).toBeNull();
    expect(isQuiet(null, at('2026-03-02', 3), TZ)).toBe(false);
    expect(parseQuietHours('12-12')).toBeUndefined();
    expect(parseQuietHours('25-8')).toBeUndefined();
    expect(parseQuietHours('evening')).toBeUndefined();
    expect(isQuiet(parseQuietHours('13-14')!, at('2026-03-02', 13), TZ)).toBe(true);
  });
});

describe('phones', () => {
  it('takes mainland mobiles in the usual spellings and refuses the rest', () => {
    expect(normaliseMobile('138 1234 5678')).toBe('13812345678');
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normaliseMobile('8613812345678')).toBe('13812345678');
    expect(normaliseMobile('0728-3312345')).toBeNull();
    expect(normaliseMobile('12812345678')).toBeNull();
    expect(normaliseMobile('1381234567')).toBeNull();
    expect(normaliseMobile('')).toBeNull();
  });

  it('masks as 138****5678, and a landline to its last two digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0728-3312345')).toBe('*********45');
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m).toMatch(/^1\d\d\*{4}\d{4}$/);
        expect(m).not.toContain(p.slice(3, 7));
      }),
    );
  });

  it('masks e-mail and checks its shape', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(isEmail('a@b.cn')).toBe(true);
    expect(isEmail('a@b')).toBe(false);
  });
});

describe('texts', () => {
  const sender = { city: '仙桃市', office: '仙桃市优化营商环境工作领导小组办公室', helpPhone: '0728-3312345' };
  const link = 'https://pingyi.example.gov.cn/s/AAAAAAAAAAAAAAAAAAAAAA';

  it('name the city, the office (in the invitation), the link and the help phone', () => {
    const text = messageText('invitation', sender, link);
    expect(text).toContain('仙桃市');
    expect(text).toContain(sender.office);
    expect(text).toContain(link);
    expect(text).toContain('0728-3312345');
    expect(text).toContain('TD');
  });

  it('stay within 70 characters besides the link, even with long names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MESSAGE_KINDS),
        fc.string({ minLength: 2, maxLength: 12 }),
        fc.string({ minLength: 2, maxLength: 60 }),
        (kind, city, office) => {
          const text = messageText(kind, { city, office, helpPhone: '0728-3312345' }, link);
          expect(textLength(text.replace(link, ''))).toBeLessThanOrEqual(SMS_TEXT_MAX);
        },
      ),
    );
  });

  it('recognise an opt-out reply', () => {
    for (const t of ['TD', 'td', ' T D ', '退订', 'T']) expect(isOptOut(t)).toBe(true);
    for (const t of ['好的', 'TD please call', '']) expect(isOptOut(t)).toBe(false);
  });
});
