import { describe, expect, it } from 'vitest';
import { issuerWords, telHref } from './issuer.ts';

const office = { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' };

describe('issuerWords', () => {
  it('names the office and its phone in the page language', () => {
    expect(issuerWords({ name: { zh: '仙桃市', en: 'Xiantao' }, organiser: office, helpPhone: '0728-3312345' }, 'en')).toEqual({
      city: 'Xiantao',
      office: 'Xiantao Business Environment Office',
      phone: '0728-3312345',
      contact: 'officePhone',
    });
  });

  it('falls back to the sentence that fits what the city configured', () => {
    expect(issuerWords({ name: null, organiser: office, helpPhone: null }, 'zh').contact).toBe('office');
    expect(issuerWords({ name: null, organiser: null, helpPhone: '12345' }, 'zh')).toMatchObject({ contact: 'phone', phone: '12345' });
    expect(issuerWords(null, 'zh')).toEqual({ city: '', office: '', phone: '', contact: 'none' });
  });

  it('dials only the digits', () => {
    expect(telHref('0728-331 2345')).toBe('tel:07283312345');
    expect(telHref('+86 (728) 3312345')).toBe('tel:+867283312345');
  });
});
