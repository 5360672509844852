import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { MEETING_STATUS_LABELS } from '../../domain/matchmaking/types.ts';
import { registerReportFonts } from '../reports/pdf-fonts.ts';
import { fontFor, pdfText, yieldToEventLoop } from '../reports/pdf-layout.ts';
import { type Agenda, meetingLocation } from './agenda.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const PDF_MEDIA_TYPE = 'application/pdf';

async function newDocument(title: string, layout: 'portrait' | 'landscape' = 'portrait') {
  const { default: PdfDocument } = await import('pdfkit');
  const doc: Doc = new PdfDocument({
    size: 'A4',
    layout,
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    autoFirstPage: false,
    info: { Title: pdfText(title), Author: 'SPACE2ID Hub', Creator: 'SPACE2ID Hub' },
  });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

function write(doc: Doc, text: string, options: { size?: number; bold?: boolean; color?: string } = {}) {
  const value = pdfText(text);
  doc
    .font(fontFor(value, options.bold))
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? '#111111')
    .text(value, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return date.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The QR code of `text` drawn as filled squares (no SVG parsing: hundreds of agendas stay fast). */
function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const margin = 2;
  const cell = size / (modules.size + margin * 2);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + margin) * cell, y + (row + margin) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** Draws one agenda from a new page: title, participant, the meetings by day, the QR code. */
function drawAgenda(doc: Doc, agenda: Agenda): void {
  doc.addPage();
  const left = doc.page.margins.left;
  const qrSize = 96;
  const qrX = doc.page.width - doc.page.margins.right - qrSize;
  if (agenda.checkInUrl) {
    drawQrCode(doc, agenda.checkInUrl, qrX, doc.page.margins.top, qrSize);
    doc
      .font(fontFor('Check-in'))
      .fontSize(7)
      .fillColor('#555555')
      .text('Check-in code', qrX, doc.page.margins.top + qrSize + 2, { width: qrSize, align: 'center' });
  }
  doc.x = left;
  doc.y = doc.page.margins.top;
  const textWidth = qrX - left - 12;
  const title = pdfText(agenda.event.title);
  doc
    .font(fontFor(title, true))
    .fontSize(18)
    .fillColor('#111111')
    .text(title, left, doc.y, { width: textWidth });
  const name = pdfText(`Agenda of ${agenda.participant.name}`);
  doc.font(fontFor(name, true)).fontSize(13).text(name, { width: textWidth });
  const where = [agenda.event.venue, `Times in ${agenda.event.timeZone}`].filter(Boolean).join(' · ');
  doc.font(fontFor(where)).fontSize(9).fillColor('#444444').text(pdfText(where), { width: textWidth });
  doc.y = Math.max(doc.y, doc.page.margins.top + qrSize + 16);
  doc.x = left;
  doc.moveDown(0.5);
  if (!agenda.published) {
    write(doc, 'The agenda appears when the organisers publish the schedule.', { size: 11 });
    return;
  }
  if (agenda.meetings.length === 0) {
    write(doc, 'No meeting in the schedule.', { size: 11 });
    return;
  }
  let day = '';
  for (const meeting of agenda.meetings) {
    if (meeting.day !== day) {
      day = meeting.day;
      ensureSpace(doc, 60);
      doc.moveDown(0.4);
      write(doc, formatDay(day), { size: 12, bold: true, color: '#1b3a6b' });
      doc.moveDown(0.2);
    }
    ensureSpace(doc, 70);
    const status = meeting.status === 'scheduled' ? '' : ` — ${MEETING_STATUS_LABELS[meeting.status]}`;
    write(doc, `${meeting.startTime}–${meeting.endTime}  ${meeting.counterpart.name}${status}`, {
      size: 11,
      bold: true,
      color: meeting.status === 'cancelled' ? '#8a1c1c' : '#111111',
    });
    const location = meetingLocation(meeting, null);
    const place = [location, meeting.videoLink ? `Video: ${meeting.videoLink}` : null]
      .filter(Boolean)
      .join(' · ');
    if (place) write(doc, place, { size: 9.5 });
    const c = meeting.counterpart;
    const origin = [c.city, c.country].filter(Boolean).join(', ');
    const people = c.representatives
      .map((r) => (r.roleTitle ? `${r.name} (${r.roleTitle})` : r.name))
      .join(', ');
    const facts = [origin, people].filter(Boolean).join(' · ');
    if (facts) write(doc, facts, { size: 9, color: '#444444' });
    if (c.description) write(doc, c.description, { size: 9, color: '#333333' });
    if (c.offers) write(doc, `Offers: ${c.offers}`, { size: 9, color: '#333333' });
    if (c.lookingFor) write(doc, `Looking for: ${c.lookingFor}`, { size: 9, color: '#333333' });
    doc.moveDown(0.6);
  }
}

/**
 * Agendas as one PDF (A4), each participant from a new page: the meetings by day with local
 * times, counterpart, table or video link and the counterpart's profile, and the check-in QR code.
 */
export async function renderAgendasPdf(
  title: string,
  agendas: readonly Agenda[],
  progress: (done: number) => void = () => {},
): Promise<Buffer> {
  const { doc, finish } = await newDocument(title);
  let done = 0;
  for (const agenda of agendas) {
    drawAgenda(doc, agenda);
    done += 1;
    progress(done);
    if (done % 20 === 0) await yieldToEventLoop();
  }
  if (agendas.length === 0) {
    doc.addPage();
    write(doc, 'No approved participant.', { size: 12 });
  }
  return finish();
}

export interface TableCard {
  number: number;
  name: string;
  reservedFor: string | null;
}

/** One A4 landscape card per table: its number large, its name, and whom it is reserved for. */
export async function renderTableCardsPdf(eventTitle: string, tables: readonly TableCard[]): Promise<Buffer> {
  const { doc, finish } = await newDocument(`${eventTitle} — table cards`, 'landscape');
  for (const table of tables) {
    doc.addPage();
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const left = doc.page.margins.left;
    const event = pdfText(eventTitle);
    doc
      .font(fontFor(event))
      .fontSize(16)
      .fillColor('#444444')
      .text(event, left, 60, { width, align: 'center' });
    doc
      .font(fontFor(String(table.number), true))
      .fontSize(200)
      .fillColor('#111111')
      .text(String(table.number), left, 130, { width, align: 'center' });
    const name = pdfText(table.name);
    doc.font(fontFor(name, true)).fontSize(32).text(name, left, 390, { width, align: 'center' });
    if (table.reservedFor) {
      const reserved = pdfText(`Reserved for ${table.reservedFor}`);
      doc
        .font(fontFor(reserved))
        .fontSize(20)
        .fillColor('#1b3a6b')
        .text(reserved, left, 440, { width, align: 'center' });
    }
  }
  if (tables.length === 0) {
    doc.addPage();
    write(doc, 'The event has no table.', { size: 12 });
  }
  return finish();
}

/** The event grid's SVG on one A4 landscape page (scaled to fit), for printing. */
export async function renderGridPdf(eventTitle: string, svg: { svg: string; width: number; height: number }) {
  const { default: svgToPdf } = await import('svg-to-pdfkit');
  const { doc, finish } = await newDocument(`${eventTitle} — event grid`, 'landscape');
  doc.addPage();
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const height = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  const scale = Math.min(1, width / svg.width, height / svg.height);
  svgToPdf(doc, svg.svg, doc.page.margins.left, doc.page.margins.top, {
    width: svg.width * scale,
    height: svg.height * scale,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean, _italic: boolean) => fontFor('', bold),
  });
  return finish();
}
