/**
 * A small, deterministic layout for the site's flow diagrams: vertical chains (with optional indentation, side notes
 * and skip arrows) and horizontal lanes (one row per branch, alternatives as extra rows). Everything is computed at
 * build time in SVG user units (1 unit = 1 CSS px at natural size), so the page ships coordinates, not a layout engine.
 */

export const FONT_SIZE = 15;
export const NOTE_SIZE = 13;
const LINE_HEIGHT = 1.4;
const PAD_X = 12;
const PAD_Y = 8;

export type BoxTone = 'head' | 'step' | 'outcome';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  readonly tone: BoxTone;
}

export interface Arrow {
  /** Polyline points; the arrow head sits on the last point. */
  readonly points: readonly (readonly [number, number])[];
}

export interface Label {
  readonly x: number;
  /** Baseline of the first line. */
  readonly y: number;
  readonly lines: readonly string[];
  readonly anchor: 'start' | 'middle';
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  readonly arrows: readonly Arrow[];
  readonly labels: readonly Label[];
}

// Han, kana, full-width forms and CJK punctuation take a full em; Latin letters and digits about half.
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u3000-\u303F]/u;

/** Approximate rendered width of `text` at `fontSize`, erring wide so text never overflows its box. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? fontSize : char === ' ' ? fontSize * 0.3 : fontSize * 0.6;
  return Math.ceil(width);
}

// Chinese line-breaking rule (避头尾): these never start a line.
const NO_LINE_START = /^[，。、；：？！）》」』”’…—～]/u;

/**
 * Breaks `text` into lines no wider than `maxWidth`. Chinese may break between any two characters; runs of Latin
 * letters and digits stay whole; closing punctuation never starts a line. A single token wider than the limit gets
 * a line of its own.
 */
export function wrapText(text: string, maxWidth: number, fontSize = FONT_SIZE): string[] {
  const tokens = text.match(/[A-Za-z0-9.%–-]+|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line && textWidth(candidate.trimEnd(), fontSize) > maxWidth && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Like `wrapText`, but evens out line lengths so a label never ends on a lone character (联系快递退|回 → 联系快|递退回). */
export function wrapBalanced(text: string, maxWidth: number, fontSize = FONT_SIZE): string[] {
  const greedy = wrapText(text, maxWidth, fontSize);
  if (greedy.length < 2) return greedy;
  for (let width = Math.ceil(textWidth(text, fontSize) / greedy.length); width < maxWidth; width += fontSize / 2) {
    const lines = wrapText(text, width, fontSize);
    if (lines.length === greedy.length) return lines;
  }
  return greedy;
}

const lineBox = (lines: number, fontSize = FONT_SIZE) => Math.ceil(lines * fontSize * LINE_HEIGHT + PAD_Y * 2);

export interface ChainStep {
  readonly label: string;
  readonly note?: string;
  readonly tone?: BoxTone;
}

export interface ChainOptions {
  /** Widest a box may be before its label wraps. */
  readonly maxBoxWidth?: number;
  /** Width of the note column to the right of the boxes; 0 hides notes. */
  readonly noteWidth?: number;
  /** Each step is shifted this far right of the one before, drawing a staircase. */
  readonly indent?: number;
  /** Arrows that jump from one step to a later one, drawn in a left gutter with a vertical label. */
  readonly skips?: readonly { readonly from: number; readonly to: number; readonly label: string }[];
  readonly gap?: number;
}

/** Steps top to bottom, each in a box with an arrow to the next; notes sit to the right of their box. */
export function layoutChain(steps: readonly ChainStep[], options: ChainOptions = {}): Diagram {
  const { maxBoxWidth = 11 * FONT_SIZE, noteWidth = 0, indent = 0, skips = [], gap = 26 } = options;
  const gutter = skips.length ? 44 : 0;
  const left = 4 + gutter;
  const wrapped = steps.map((step) => wrapBalanced(step.label, maxBoxWidth));
  const boxWidth = Math.max(...wrapped.map((lines) => Math.max(...lines.map((line) => textWidth(line))))) + PAD_X * 2;
  const boxes: Box[] = [];
  const labels: Label[] = [];
  let y = 4;
  steps.forEach((step, index) => {
    const lines = wrapped[index]!;
    const noteLines = step.note && noteWidth > 0 ? wrapBalanced(step.note, noteWidth, NOTE_SIZE) : [];
    const height = Math.max(lineBox(lines.length), noteLines.length ? lineBox(noteLines.length, NOTE_SIZE) : 0);
    const x = left + index * indent;
    boxes.push({ x, y, width: boxWidth, height, lines, tone: step.tone ?? 'step' });
    if (noteLines.length) {
      const noteBlock = noteLines.length * NOTE_SIZE * LINE_HEIGHT;
      labels.push({ x: x + boxWidth + 12, y: y + (height - noteBlock) / 2 + NOTE_SIZE, lines: noteLines, anchor: 'start' });
    }
    y += height + gap;
  });
  const arrows: Arrow[] = [];
  for (let i = 0; i + 1 < boxes.length; i++) {
    const from = boxes[i]!;
    const to = boxes[i + 1]!;
    // With a staircase the next box starts further right; drop the arrow where both boxes overlap.
    const x = indent ? to.x + Math.min(24, boxWidth / 4) : from.x + boxWidth / 2;
    arrows.push({ points: [[x, from.y + from.height], [x, to.y]] });
  }
  for (const skip of skips) {
    const from = boxes[skip.from];
    const to = boxes[skip.to];
    if (!from || !to) throw new RangeError(`skip ${skip.from}→${skip.to} is outside the ${boxes.length} steps`);
    const laneX = gutter - 8;
    const fromY = from.y + from.height / 2;
    const toY = to.y + to.height / 2;
    arrows.push({ points: [[from.x, fromY], [laneX, fromY], [laneX, toY], [to.x, toY]] });
    const chars = [...skip.label];
    const top = (fromY + toY) / 2 - (chars.length * FONT_SIZE * 1.1) / 2 + FONT_SIZE * 0.8;
    labels.push({ x: laneX - 12, y: top, lines: chars, anchor: 'middle' });
  }
  const noteRight = labels.length ? Math.max(...labels.map((l) => l.x + Math.max(...l.lines.map((line) => textWidth(line, NOTE_SIZE))))) : 0;
  const boxRight = Math.max(...boxes.map((b) => b.x + b.width));
  return { width: Math.ceil(Math.max(noteRight, boxRight) + 4), height: Math.ceil(y - gap + 4), boxes, arrows, labels };
}

export interface Lane {
  readonly head: string;
  /** One row of steps per alternative way of handling the branch. */
  readonly alternatives: readonly (readonly ChainStep[])[];
}

/** One row per lane alternative: the lane's head box on the left, its steps left to right with arrows between. */
export function layoutLanes(lanes: readonly Lane[], options: { readonly maxBoxWidth?: number } = {}): Diagram {
  const { maxBoxWidth = 8 * FONT_SIZE } = options;
  const arrowGap = 22;
  const rowGap = 10;
  const laneGap = 18;
  const headWidth = Math.max(...lanes.map((lane) => Math.max(...wrapBalanced(lane.head, maxBoxWidth).map((l) => textWidth(l))))) + PAD_X * 2;
  const boxes: Box[] = [];
  const arrows: Arrow[] = [];
  const labels: Label[] = [];
  let y = 4;
  let right = 0;
  for (const lane of lanes) {
    const rows = lane.alternatives.map((steps) => steps.map((step) => ({ step, lines: wrapBalanced(step.label, maxBoxWidth) })));
    const rowHeights = rows.map((row) => lineBox(Math.max(1, ...row.map((cell) => cell.lines.length))));
    const laneHeight = rowHeights.reduce((sum, h) => sum + h, 0) + rowGap * (rows.length - 1);
    const headLines = wrapBalanced(lane.head, maxBoxWidth);
    const head: Box = { x: 4, y, width: headWidth, height: rowHeights[0]!, lines: headLines, tone: 'head' };
    boxes.push(head);
    let rowY = y;
    rows.forEach((row, rowIndex) => {
      const height = rowHeights[rowIndex]!;
      const midY = rowY + height / 2;
      let x = head.x + headWidth + arrowGap;
      // The first alternative continues the head's row; later ones branch down from the head's bottom edge.
      const start: readonly [number, number] = rowIndex === 0 ? [head.x + headWidth, midY] : [head.x + headWidth / 2, head.y + head.height];
      arrows.push({ points: rowIndex === 0 ? [start, [x, midY]] : [start, [start[0], midY], [x, midY]] });
      if (rowIndex > 0) labels.push({ x: start[0] + 8, y: midY - 5, lines: ['或'], anchor: 'start' });
      row.forEach((cell, cellIndex) => {
        const width = Math.max(...cell.lines.map((line) => textWidth(line))) + PAD_X * 2;
        boxes.push({ x, y: rowY, width, height, lines: cell.lines, tone: cell.step.tone ?? 'step' });
        if (cellIndex + 1 < row.length) arrows.push({ points: [[x + width, midY], [x + width + arrowGap, midY]] });
        x += width + arrowGap;
      });
      right = Math.max(right, x - arrowGap);
      rowY += height + rowGap;
    });
    y += laneHeight + laneGap;
  }
  return { width: Math.ceil(right + 4), height: Math.ceil(y - laneGap + 4), boxes, arrows, labels };
}
