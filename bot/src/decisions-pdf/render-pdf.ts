/**
 * Renders a stored DecisionDocument as an A4 PDF for printing and post: county header with the
 * document type, date, diary number and page "1 (3)" on every page, the recipient in the window
 * of a C5 envelope, headings in the left column and text at the second tab (the usual layout
 * of Finnish public-authority documents), signature block, footer with the county's contacts,
 * and the appeal instructions on a page of their own. The only module that does PDF work.
 *
 * Fonts: DejaVu Sans (the npm package dejavu-fonts-ttf, Bitstream Vera licence), embedded and
 * subset by pdfkit, so names print exactly as written: Finnish, Swedish, the Sámi letters
 * (á č đ ŋ š ŧ ž), Latin Extended-A/B, Greek and Cyrillic. `fonts: 'builtin'` keeps pdfkit's
 * WinAnsi Helvetica (other characters transliterated, ł → l): for tests that compare layouts only.
 * The document is client data (name, henkilötunnus): never log it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DecisionDocument, DocumentBlock, DocumentSection } from '../domain/decisions/model.js';

type FontSet = { regular: string | Buffer; bold: string | Buffer; italic?: string | Buffer };

export interface RenderOptions {
  /** TrueType/OpenType fonts (path or bytes); default DejaVu Sans; 'builtin' = Helvetica (WinAnsi only). */
  fonts?: FontSet | 'builtin';
}

let unicodeFonts: FontSet | undefined;

/** DejaVu Sans regular, bold and oblique from the dejavu-fonts-ttf package (read once). */
export function defaultFonts(): FontSet {
  if (!unicodeFonts) {
    const require = createRequire(import.meta.url);
    const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    unicodeFonts = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf'), italic: file('DejaVuSans-Oblique.ttf') };
  }
  return unicodeFonts;
}

const W = 595.28;
const H = 841.89;
const ML = 57; // 20 mm
const MR = 45;
const BX = 155; // second tab: body text
const BW = W - MR - BX;
const COL = BX - ML - 10; // left column for headings and labels
const TOP = 120;
const BOTTOM = 68;
const RX = 330; // right header column (document type, date, number)
const FIELD_LABEL = 118;
const GREY = '#4a4a4a';
const TEXT = '#111111';
const SIZE = 10;
const MM = 72 / 25.4;
/** The recipient field (SFS 2487): top ≈ 26 mm, left 20 mm (= ML), at most 6 lines, 85 mm wide. */
export const RECIPIENT_TOP = Math.round(26 * MM);
const RECIPIENT_WIDTH = Math.round(85 * MM);
const RECIPIENT_LINES = 6;
const HEADER_TOP = Math.round(10 * MM);

// --- WinAnsi (the encoding of the standard PDF fonts) -------------------------------------
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const TRANSLIT: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N', ſ: 's', ĸ: 'k',
  '\t': ' ', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ', '\u2010': '-', '\u2011': '-', '\u2012': '–',
  '\u2015': '—', '\u2032': "'", '\u2033': '"', '\u2264': '<=', '\u2265': '>=', '\u2192': '->', '\u2190': '<-',
};

function winAnsiChar(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
}

/** Text as the standard fonts can show it: NFC, then transliteration, then '?'. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (winAnsiChar(ch)) out += ch;
    else if (TRANSLIT[ch] !== undefined) out += TRANSLIT[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every(winAnsiChar) ? base : '?';
    }
  }
  return out;
}

type Doc = PDFKit.PDFDocument;

export function renderDecisionPdf(doc: DecisionDocument, options: RenderOptions = {}): Promise<Buffer> {
  const pdf: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: BOTTOM, left: ML, right: MR },
    bufferPages: true,
    lang: doc.language === 'sv' ? 'sv-FI' : 'fi-FI',
    displayTitle: true,
    info: {
      Title: doc.pdf.title,
      Subject: doc.pdf.subject,
      Author: doc.pdf.author,
      Creator: 'Polku',
      Producer: 'Polku',
      ...(doc.date ? { CreationDate: new Date(`${doc.date}T12:00:00Z`) } : {}),
    },
  });
  const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
  let s: (text: string) => string = toWinAnsi;
  const files = options.fonts === 'builtin' ? null : (options.fonts ?? defaultFonts());
  if (files) {
    pdf.registerFont('PolkuRegular', files.regular);
    pdf.registerFont('PolkuBold', files.bold);
    pdf.registerFont('PolkuItalic', files.italic ?? files.regular);
    Object.assign(fonts, { regular: 'PolkuRegular', bold: 'PolkuBold', italic: 'PolkuItalic' });
    s = (text) => text.normalize('NFC');
  }

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      const r = new Renderer(pdf, fonts, s);
      r.body(doc);
      r.pageFurniture(doc);
      pdf.end();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

class Renderer {
  /** The text column: body at the second tab; the appeal instructions use the full width. */
  private col = { x: BX, w: BW, size: SIZE };

  constructor(
    private readonly pdf: Doc,
    private readonly f: { regular: string; bold: string; italic: string },
    private readonly s: (text: string) => string,
  ) {}

  private text(str: string, x: number, y: number, width: number, font: string, size: number, color = TEXT): void {
    this.pdf.font(font).fontSize(size).fillColor(color).text(this.s(str), x, y, { width, lineGap: 1.6 });
  }

  private height(str: string, width: number, font: string, size: number): number {
    return this.pdf.font(font).fontSize(size).heightOfString(this.s(str), { width, lineGap: 1.6 });
  }

  private ensure(space: number): void {
    if (this.pdf.y + space > H - BOTTOM) this.pdf.addPage();
  }

  body(doc: DecisionDocument): void {
    const p = this.pdf;
    if (doc.recipient) {
      // SFS 2487 letter layout: the recipient field is rows 4–9 of the left column, 20 mm from the
      // left edge and about 26 mm from the top, which is what the window of a standard C5/C4
      // window envelope (window 20 mm from the left, 15 mm from the top) shows when the A4 sheet
      // is folded in three. The sender (county and unit) stays in rows 1–3 above it.
      this.text(doc.recipient.slice(0, RECIPIENT_LINES).join('\n'), ML, RECIPIENT_TOP, RECIPIENT_WIDTH, this.f.regular, SIZE);
      p.y = Math.max(p.y, RECIPIENT_TOP + 92);
    }
    this.text(doc.title, ML, p.y, W - ML - MR, this.f.bold, 15);
    p.y += 10;
    for (const row of doc.meta) this.row(row.label, row.value, ML, BX - ML, W - MR - BX);
    p.y += 12;
    for (const section of doc.sections) this.section(section);
  }

  private rowHeight(label: string, value: string, labelWidth: number, valueWidth: number, size: number): number {
    return Math.max(
      this.height(label, labelWidth - 8, this.f.regular, size),
      this.height(value, valueWidth, this.f.regular, size),
    );
  }

  private row(label: string, value: string, x: number, labelWidth: number, valueWidth: number, size = SIZE): void {
    const p = this.pdf;
    const h = this.rowHeight(label, value, labelWidth, valueWidth, size);
    this.ensure(h);
    const y = p.y;
    this.text(label, x, y, labelWidth - 8, this.f.regular, size, GREY);
    this.text(value, x + labelWidth, y, valueWidth, this.f.regular, size);
    p.y = y + h + 3;
  }

  private section(section: DocumentSection): void {
    const p = this.pdf;
    if (section.pageBreakBefore) {
      p.addPage();
      this.text(section.heading, ML, p.y, W - ML - MR, this.f.bold, 13);
      p.y += 8;
      this.col = { x: ML, w: W - ML - MR, size: 9.5 };
      for (const block of section.blocks) this.block(block);
      this.col = { x: BX, w: BW, size: SIZE };
      return;
    }
    const fitsColumn = section.heading
      .split(/\s+/)
      .every((w) => p.font(this.f.bold).fontSize(SIZE).widthOfString(this.s(w)) <= COL);
    this.ensure(44);
    if (!fitsColumn) {
      this.text(section.heading, ML, p.y, W - ML - MR, this.f.bold, SIZE);
      p.y += 4;
      for (const block of section.blocks) this.block(block);
    } else {
      const top = p.y;
      const pages = p.bufferedPageRange().count;
      this.text(section.heading, ML, top, COL, this.f.bold, SIZE);
      const headingBottom = p.y;
      p.y = top;
      for (const block of section.blocks) this.block(block);
      if (p.bufferedPageRange().count === pages) p.y = Math.max(p.y, headingBottom);
    }
    p.y += 10;
  }

  private block(b: DocumentBlock): void {
    const p = this.pdf;
    const { x, w, size } = this.col;
    switch (b.type) {
      case 'paragraph':
        this.text(b.text, x, p.y, w, this.f.regular, size);
        p.y += size * 0.6;
        return;
      case 'subheading':
        this.ensure(36);
        p.y += 2;
        this.text(b.text, x, p.y, w, this.f.bold, size);
        p.y += 3;
        return;
      case 'list':
        for (const item of b.items) {
          const h = this.height(item, w - 14, this.f.regular, size);
          if (h < 120) this.ensure(h);
          const y = p.y;
          this.text('\u2022', x + 2, y, 10, this.f.regular, size);
          this.text(item, x + 14, y, w - 14, this.f.regular, size);
          p.y += 3;
        }
        p.y += 4;
        return;
      case 'fields': {
        const total = b.rows.reduce((sum, r) => sum + this.rowHeight(r.label, r.value, FIELD_LABEL, w - FIELD_LABEL, size) + 3, 0);
        if (total < 200) this.ensure(total);
        for (const r of b.rows) this.row(r.label, r.value, x, FIELD_LABEL, w - FIELD_LABEL, size);
        p.y += 5;
        return;
      }
      case 'signature':
        this.ensure(60);
        if (b.name) this.text(b.name, x, p.y, w, this.f.bold, size + 0.5);
        if (b.title) this.text(b.title, x, p.y, w, this.f.regular, size);
        if (b.name || b.title) p.y += 4;
        this.text(b.note, x, p.y, w, this.f.italic, 8.5, GREY);
        p.y += 8;
        return;
    }
  }

  /** Header, footer and draft watermark on every page, once the page count is known. */
  pageFurniture(doc: DecisionDocument): void {
    const p = this.pdf;
    const range = p.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      p.switchToPage(i);
      const margins = p.page.margins;
      p.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }; // drawing in the margins must not add pages
      const h = doc.header;
      this.text(h.countyName, ML, HEADER_TOP, RX - ML - 16, this.f.bold, 10);
      this.text(h.authorityName, ML, p.y + 1, RX - ML - 16, this.f.regular, 8.5, GREY);
      this.text(h.documentType, RX, HEADER_TOP, 150, this.f.bold, 11);
      p.font(this.f.regular).fontSize(SIZE).fillColor(TEXT);
      p.text(`${i - range.start + 1} (${range.count})`, RX, HEADER_TOP + 1, { width: W - MR - RX, align: 'right' });
      this.text(h.dateText, RX, HEADER_TOP + 18, W - MR - RX, this.f.regular, 9.5);
      this.text(h.numberText, RX, HEADER_TOP + 31, W - MR - RX, this.f.regular, 9.5);

      p.moveTo(ML, H - 58).lineTo(W - MR, H - 58).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
      this.text(doc.footer.join('\n'), ML, H - 52, W - ML - MR, this.f.regular, 7.5, GREY);

      if (doc.watermark) {
        p.save();
        p.rotate(-40, { origin: [W / 2, H / 2] });
        p.font(this.f.bold).fontSize(96).fillColor('#000000').fillOpacity(0.07);
        p.text(this.s(doc.watermark), 0, H / 2 - 48, { width: W, align: 'center', lineBreak: false });
        p.restore();
        p.fillOpacity(1);
      }
      p.page.margins = margins;
    }
  }
}
