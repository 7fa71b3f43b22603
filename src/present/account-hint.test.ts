import { describe, expect, it } from 'vitest';
import { accountHintValue, accountLinks, parseAccountHint } from './account-hint.ts';

describe('account hint cookie', () => {
  it('round-trips a Chinese name with cookie-unsafe characters', () => {
    const value = accountHintValue({ name: '王 小;明"=', role: 'lead' });
    expect(value).not.toMatch(/[;\s",]/);
    expect(parseAccountHint(value)).toEqual({ name: '王 小;明"=', role: 'lead' });
  });

  it('ignores values that are not ours', () => {
    for (const value of [undefined, '', '%E0%A4%A', 'null', encodeURIComponent('{"n":"x","r":"admin"}'), encodeURIComponent('{"n":""}')])
      expect(parseAccountHint(value)).toBeNull();
  });

  it('offers 登录 when signed out and 管理 only to leads', () => {
    expect(accountLinks(null).map((l) => l.label)).toEqual(['登录']);
    expect(accountLinks({ name: 'a', role: 'trainee' }).map((l) => l.label)).toEqual(['我的学习']);
    expect(accountLinks({ name: 'a', role: 'lead' }).map((l) => l.label)).toEqual(['我的学习', '管理']);
    expect(accountLinks({ name: 'a', role: 'author' })).toEqual([
      { href: '/me', label: '我的学习' },
      { href: '/lead/studio', label: '出题工作室' },
    ]);
    expect(parseAccountHint(accountHintValue({ name: '出题人', role: 'author' }))).toEqual({ name: '出题人', role: 'author' });
  });
});
