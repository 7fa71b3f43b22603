import { describe, expect, it } from 'vitest';
import { draftAutosaveReducer, draftAutosaveState, draftOfferText, draftStatusText, isDraftDue, type DraftAutosaveAction, type DraftAutosaveState } from './draft-autosave.ts';

const run = (state: DraftAutosaveState, ...actions: DraftAutosaveAction[]) => actions.reduce(draftAutosaveReducer, state);
const SAVED_AT = '2026-12-07T06:05:00.000Z'; // 14:05 in Beijing

describe('draft autosave', () => {
  it('keeps nothing while the file is as opened, and keeps an edit once', () => {
    const opened = run(draftAutosaveState('file', true), { type: 'loaded', draft: null, fileVersion: 'v1' });
    expect(opened.phase).toBe('clean');
    expect(isDraftDue(opened, 'file')).toBe(false);
    const edited = run(opened, { type: 'edited', key: 'edit-1' });
    expect(edited.phase).toBe('pending');
    expect(isDraftDue(edited, 'edit-1')).toBe(true);
    const saved = run(edited, { type: 'saveStarted' }, { type: 'saveDone', key: 'edit-1', savedAt: SAVED_AT, currentKey: 'edit-1' });
    expect(saved.phase).toBe('saved');
    expect(isDraftDue(saved, 'edit-1')).toBe(false);
    expect(draftStatusText(saved)).toMatch(/^已自动保存草稿 14:05/);
    // Undoing back to the file's text replaces the draft too (it holds the edit).
    expect(isDraftDue(run(saved, { type: 'edited', key: 'file' }), 'file')).toBe(true);
  });

  it('keeps an edit made while a save was in flight', () => {
    const state = run(draftAutosaveState('file', false), { type: 'edited', key: 'a' }, { type: 'saveStarted' }, { type: 'edited', key: 'b' });
    const done = run(state, { type: 'saveDone', key: 'a', savedAt: SAVED_AT, currentKey: 'b' });
    expect(done.phase).toBe('pending');
    expect(isDraftDue(done, 'b')).toBe(true);
  });

  it('offers a draft found on opening and keeps nothing until the lead chooses', () => {
    const offered = run(draftAutosaveState('file', true), { type: 'loaded', draft: { savedAt: SAVED_AT, baseVersion: 'v1' }, fileVersion: 'v1' });
    expect(offered.phase).toBe('offer');
    expect(offered.offer).toEqual({ savedAt: SAVED_AT, baseVersion: 'v1', isStale: false });
    expect(draftOfferText(offered.offer!)).toEqual({ title: '这个文件有一份 2026-12-07 14:05 自动保存的草稿，还没有保存到内容文件。', warning: null });
    const typed = run(offered, { type: 'edited', key: 'typed' });
    expect(typed.phase).toBe('offer');
    expect(isDraftDue(typed, 'typed')).toBe(false);

    const restored = run(offered, { type: 'restored' });
    expect(restored.offer).toBeNull();
    expect(draftStatusText(restored)).toMatch(/^已自动保存草稿 14:05/);
    const discarded = run(offered, { type: 'discarded' });
    expect(discarded).toMatchObject({ phase: 'clean', offer: null, savedAt: null });
    expect(isDraftDue(run(discarded, { type: 'edited', key: 'x' }), 'x')).toBe(true);
  });

  it('warns when the file changed since the draft was started', () => {
    const changed = run(draftAutosaveState('file', true), { type: 'loaded', draft: { savedAt: SAVED_AT, baseVersion: 'v1' }, fileVersion: 'v2' });
    expect(changed.offer?.isStale).toBe(true);
    expect(draftOfferText(changed.offer!).warning).toMatch(/已被保存过.*冲突/);
    const created = run(draftAutosaveState('file', true), { type: 'loaded', draft: { savedAt: SAVED_AT, baseVersion: null }, fileVersion: 'v1' });
    expect(draftOfferText(created.offer!).warning).toMatch(/已有人创建/);
    const stillNew = run(draftAutosaveState('file', true), { type: 'loaded', draft: { savedAt: SAVED_AT, baseVersion: null }, fileVersion: null });
    expect(stillNew.offer?.isStale).toBe(false);
  });

  it('makes the saved file the baseline after a save (the server dropped the draft)', () => {
    const saved = run(draftAutosaveState('file', false), { type: 'edited', key: 'a' }, { type: 'saveDone', key: 'a', savedAt: SAVED_AT, currentKey: 'a' }, { type: 'fileSaved', key: 'a' });
    expect(saved).toMatchObject({ phase: 'clean', baselineKey: 'a', savedKey: null, savedAt: null });
    expect(isDraftDue(saved, 'a')).toBe(false);
    expect(draftStatusText(saved)).toBe('');
  });

  it('says when a draft could not be kept, and tries again', () => {
    const failed = run(draftAutosaveState('file', false), { type: 'edited', key: 'a' }, { type: 'saveStarted' }, { type: 'saveFailed', message: '连不上服务器' });
    expect(draftStatusText(failed)).toBe('草稿没有自动保存：连不上服务器。修改仍在本页，稍后会再试。');
    expect(isDraftDue(failed, 'a')).toBe(true);
  });
});
