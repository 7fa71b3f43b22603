import { describe, expect, it } from 'vitest';
import { decisionTables } from '../rules/index.ts';
import { decisionPathFlow, decisionPaths, decisionPlacesOf } from './decision-path.ts';
import { layoutFlow } from './flow/flows.ts';

describe('decision paths', () => {
  const paths = decisionPaths();

  it('number every stage’s rows in the order decide() consults them and link each rule to its page', () => {
    expect(paths.map((path) => path.id)).toEqual(decisionTables.map((table) => table.id));
    const intake = paths[0]!;
    expect(intake.rows.map((row) => row.order)).toEqual(intake.rows.map((_row, index) => index + 1));
    expect(intake.rows[0]!.rules).toEqual([{ id: 'R-ACCEPT-EXCLUSIONS', title: expect.any(String), href: '/rules/R-ACCEPT-EXCLUSIONS' }]);
    expect(intake.rows[0]!.rules[0]!.title).not.toBe('R-ACCEPT-EXCLUSIONS');
  });

  it('link a hand-over row to the stage it hands over to, by its Chinese title and anchor', () => {
    const handOver = paths[0]!.rows.find((row) => row.next?.id === 'refusal')!;
    expect(handOver.next).toEqual({ id: 'refusal', title: '拒签', href: '/rules/path#stage-refusal' });
    expect(paths.find((path) => path.id === 'refusal')!.anchor).toBe('stage-refusal');
  });

  it('place a rule in every stage and row that consults it', () => {
    const places = decisionPlacesOf('R-7DAY-SCOPE', paths);
    expect(places.map((place) => place.stage.id)).toEqual(expect.arrayContaining(['seven-day', 'refusal']));
    const sevenDay = places.find((place) => place.stage.id === 'seven-day')!;
    expect(sevenDay.rows[0]).toBe(1);
    expect(decisionPlacesOf('SOP-FLOW', paths)).toEqual([]);
  });

  it('draw a stage as a chain of its rows with what follows beside each', () => {
    const flow = decisionPathFlow(paths.find((path) => path.id === 'seven-day')!);
    expect(flow.steps).toHaveLength(paths.find((path) => path.id === 'seven-day')!.rows.length);
    expect(flow.steps[0]).toMatchObject({ label: '1. 商品不在七天无理由退货的适用范围内', note: '是 → 驳回' });
    const diagram = layoutFlow(flow);
    expect(diagram.boxes).toHaveLength(flow.steps.length);
    expect(diagram.labels.length).toBe(flow.steps.length);
  });
});
