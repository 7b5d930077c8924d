import { SLIPS_PER_PAGE } from '../../domain/slips/slip';

/** A4 in PDF points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Most printers cannot print to the edge; the bottom margin also holds the cutting note. */
const MARGIN = { x: 18, top: 22, bottom: 30 } as const;

const COLUMNS = 2;
const ROWS = SLIPS_PER_PAGE / COLUMNS;

export const SLIP = {
  width: (PAGE.width - 2 * MARGIN.x) / COLUMNS,
  height: (PAGE.height - MARGIN.top - MARGIN.bottom) / ROWS,
  padding: 14,
  /** About 25 mm: a phone reads it from a hand's length away. */
  qrSize: 70,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the n-th slip of a page sits: left to right, then top to bottom. */
export function slipBox(indexOnPage: number): Box {
  const column = indexOnPage % COLUMNS;
  const row = Math.floor(indexOnPage / COLUMNS);
  return {
    x: MARGIN.x + column * SLIP.width,
    y: MARGIN.top + row * SLIP.height,
    width: SLIP.width,
    height: SLIP.height,
  };
}

/** The two QR codes of a slip, side by side at its foot: get Teams, then join the group. */
export function qrBoxes(slip: Box): { getTeams: Box; join: Box } {
  const half = (slip.width - 2 * SLIP.padding) / 2;
  const y = slip.y + 100;
  const at = (left: number): Box => ({
    x: left + (half - SLIP.qrSize) / 2,
    y,
    width: SLIP.qrSize,
    height: SLIP.qrSize,
  });
  return { getTeams: at(slip.x + SLIP.padding), join: at(slip.x + SLIP.padding + half) };
}

/** The dashed lines to cut along: every inner and outer edge of the grid, drawn once each. */
export function cutLines(): Array<[number, number, number, number]> {
  const lines: Array<[number, number, number, number]> = [];
  const bottom = MARGIN.top + ROWS * SLIP.height;
  for (let c = 0; c <= COLUMNS; c++) {
    const x = MARGIN.x + c * SLIP.width;
    lines.push([x, MARGIN.top, x, bottom]);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = MARGIN.top + r * SLIP.height;
    lines.push([MARGIN.x, y, PAGE.width - MARGIN.x, y]);
  }
  return lines;
}

export const FOOTER_Y = PAGE.height - MARGIN.bottom + 10;
export const CONTENT_X = MARGIN.x;
