import { localParts } from './agenda.ts';

/** A row of the grid: a slot (UTC start) and its local label. */
export interface GridSlot {
  startsAt: string;
}
export interface GridTable {
  id: string | null;
  number: number | null;
  name: string;
}
export interface GridMeeting {
  startsAt: string;
  tableId: string | null;
  names: [string, string];
  cancelled: boolean;
}

export interface GridSvg {
  svg: string;
  width: number;
  height: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A name cut to fit a cell (the grid is a picture: no wrapping). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The event grid as an SVG picture: slots down, tables across (and an "Online" column for meetings
 * without a table), each cell holding the meeting's two names; cancelled meetings are left out.
 */
export function eventGridSvg(input: {
  title: string;
  timeZone: string;
  slots: readonly GridSlot[];
  tables: readonly GridTable[];
  meetings: readonly GridMeeting[];
}): GridSvg {
  const live = input.meetings.filter((m) => !m.cancelled);
  const columns: GridTable[] = [...input.tables];
  if (live.some((m) => m.tableId === null)) columns.push({ id: null, number: null, name: 'Online' });
  const slotStarts = new Set(input.slots.map((s) => s.startsAt));
  for (const meeting of live) slotStarts.add(meeting.startsAt);
  const rows = [...slotStarts].sort();
  const cells = new Map<string, [string, string]>();
  for (const meeting of live) cells.set(`${meeting.startsAt}|${meeting.tableId ?? ''}`, meeting.names);

  const labelWidth = 110;
  const cellWidth = 130;
  const cellHeight = 36;
  const top = 56;
  const width = labelWidth + Math.max(1, columns.length) * cellWidth + 2;
  const height = top + Math.max(1, rows.length) * cellHeight + 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Event grid of ${input.title}`)}" font-family="Noto Sans, Arial, sans-serif">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="4" y="18" font-size="14" font-weight="bold" fill="#111111">${escapeXml(clip(input.title, 80))}</text>`,
  ];
  columns.forEach((column, index) => {
    const x = labelWidth + index * cellWidth;
    const label = column.number === null ? column.name : `${column.number}. ${column.name}`;
    out.push(
      `<text x="${x + 4}" y="${top - 8}" font-size="11" font-weight="bold" fill="#111111">${escapeXml(clip(label, 20))}</text>`,
    );
  });
  let lastDay = '';
  rows.forEach((startsAt, rowIndex) => {
    const y = top + rowIndex * cellHeight;
    const local = localParts(startsAt, input.timeZone);
    const label = local.day === lastDay ? local.time : `${local.day.slice(5)} ${local.time}`;
    lastDay = local.day;
    out.push(`<text x="4" y="${y + 22}" font-size="11" fill="#111111">${escapeXml(label)}</text>`);
    columns.forEach((column, index) => {
      const x = labelWidth + index * cellWidth;
      const names = cells.get(`${startsAt}|${column.id ?? ''}`);
      out.push(
        `<rect x="${x}" y="${y}" width="${cellWidth}" height="${cellHeight}" fill="${names ? '#dfe9f7' : '#ffffff'}" stroke="#8899aa" stroke-width="0.5"/>`,
      );
      if (names) {
        out.push(
          `<text x="${x + 4}" y="${y + 15}" font-size="10" fill="#111111">${escapeXml(clip(names[0], 22))}</text>`,
          `<text x="${x + 4}" y="${y + 29}" font-size="10" fill="#111111">${escapeXml(clip(names[1], 22))}</text>`,
        );
      }
    });
  });
  out.push('</svg>');
  return { svg: out.join('\n'), width, height };
}
