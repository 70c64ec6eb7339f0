import { DeflateSink, packSmall, zipArchive, type PackedEntry } from './zip';

/**
 * A small SpreadsheetML (ECMA-376 part 1, §18) writer for the report workbook: rows of text and
 * numbers with a fixed set of cell styles, shared strings, frozen header rows and an autofilter.
 *
 * Why not exceljs: on a year of consultations (50,000 rows × 31 columns) exceljs builds a cell
 * object, a style and an XML node per cell and spent several seconds doing so. Here a row is
 * one string of `<c>` elements, each text is stored once in the shared-string table (a status or
 * "Ya" repeated 50,000 times costs one entry), and the sheet parts go to Node's zlib once.
 */

/** The cell formats of styles.xml (cellXfs), by index. */
export const Style = {
  Default: 0,
  Bold: 1,
  Title: 2,
  DateTime: 3,
  Fixed2: 4,
  Percent: 5,
  Fixed3: 6,
  Header: 7,
  Wrap: 8,
  Italic: 9,
} as const;
export type StyleId = (typeof Style)[keyof typeof Style];

export type CellValue = string | number | null | undefined;

export interface SheetColumn {
  header: string;
  width: number;
  /** The style of the column's data cells. */
  style?: StyleId;
  /**
   * Texts that rarely repeat (tickets, names, addresses) are written in the cell: the shared-string
   * table would only grow by one entry per row and cost a hash lookup each.
   */
  unique?: boolean;
}

/** Excel's limit for one cell. */
const MAX_CELL = 32_000;
const DAY = 86_400_000;
/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const EPOCH_SERIAL = 25_569;

/**
 * A wall-clock instant (local time written as UTC fields) as an Excel date serial, to 1e-8 day
 * (0.43 ms): still the exact millisecond for a reader that rounds, and four digits shorter.
 */
export const excelSerial = (wallClockMs: number): number => Math.round((wallClockMs / DAY + EPOCH_SERIAL) * 1e8) / 1e8;

// XML 1.0 forbids these; one of them in a cell makes Excel "repair" the file.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function xmlText(value: string): string {
  let text = value.length > MAX_CELL ? `${value.slice(0, MAX_CELL)}…` : value;
  if (!NEEDS_WORK.test(text)) return text;
  text = text.replace(XML_ILLEGAL, '');
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A <t> element; leading or trailing spaces are kept only when the element says so. */
export function textElement(value: string): string {
  const text = xmlText(value);
  const edge = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
  return edge ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}
const xmlAttr = (value: string): string => xmlText(value).replace(/"/g, '&quot;');

/** "A", "B", …, "Z", "AA", … for 1-based column numbers. */
export function columnName(n: number): string {
  let name = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) name = String.fromCharCode(65 + ((x - 1) % 26)) + name;
  return name;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/**
 * Rows are joined into one string up to about this many UTF-16 units, then encoded and handed to
 * the deflate sink: short-lived strings stay in V8's young generation, where collecting is cheap.
 */
const CHUNK = 1 << 14;

interface SheetOptions {
  /** Rows frozen at the top (0 = none). */
  frozenRows?: number;
  /** Column widths; a data sheet gets its header row from the columns (see dataSheet). */
  widths: readonly number[];
  /** An autofilter over the header row (row `filterRow`) and every row below it. */
  filterRow?: number;
  /** A picture over the cells (the letterhead's logo): its top-left cell (0-based) and its square size in pixels. */
  image?: SheetImage;
}

export interface SheetImage {
  bytes: Buffer;
  extension: 'png' | 'jpeg';
  col: number;
  row: number;
  sizePx: number;
}

/** DrawingML measures in EMU: 9525 to a pixel at 96 dpi. */
const EMU_PER_PX = 9525;

/** The drawing part of a sheet holding one picture anchored at a cell (ECMA-376 Part 1, §20.5). */
function drawingPart(image: SheetImage): string {
  const size = image.sizePx * EMU_PER_PX;
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${image.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${image.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${size}" cy="${size}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    '<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${size}" cy="${size}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`
  );
}

const relationships = (items: string) =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;

export class SheetWriter {
  private readonly refs: string[];
  private readonly sink = new DeflateSink();
  private out = '';
  private rowNumber = 0;
  private maxColumn = 1;

  constructor(
    private readonly book: WorkbookWriter,
    readonly name: string,
    readonly partName: string,
    private readonly options: SheetOptions,
  ) {
    this.refs = Array.from({ length: 64 }, (_, i) => columnName(i + 1));
    const frozen = options.frozenRows ?? 0;
    const view =
      frozen > 0
        ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
        : '<sheetView workbookViewId="0"/>';
    const cols = options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.out = `${XML_HEAD}<worksheet ${NS}><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  }

  get rows(): number {
    return this.rowNumber;
  }

  /**
   * One row. `styles` is one style for every cell or one per column; null/undefined/NaN leave the
   * cell out (an empty cell, not an empty value).
   */
  row(values: readonly CellValue[], styles: StyleId | readonly (StyleId | undefined)[] = Style.Default, inline?: readonly boolean[]): void {
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    const single = typeof styles === 'number' ? styles : -1;
    // A cell right after the one before it needs no reference (ECMA-376 §18.3.1.4: r is optional);
    // the first cell of the row and the first after a gap carry theirs. A third less XML to write.
    let next = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
      const s = single >= 0 ? single : ((styles as readonly (StyleId | undefined)[])[i] ?? 0);
      const open = i === next ? (s === 0 ? '<c' : `<c s="${s}"`) : s === 0 ? `<c r="${this.refs[i]}${r}"` : `<c r="${this.refs[i]}${r}" s="${s}"`;
      next = i + 1;
      if (typeof v === 'number') xml += `${open}><v>${v}</v></c>`;
      else if (inline?.[i]) xml += `${open} t="inlineStr"><is>${textElement(v)}</is></c>`;
      else xml += `${open} t="s"><v>${this.book.stringIndex(v)}</v></c>`;
    }
    if (values.length > this.maxColumn) this.maxColumn = values.length;
    this.out += `${xml}</row>`;
    if (this.out.length > CHUNK) this.flush();
  }

  /** An empty row (a gap between tables). */
  gap(): void {
    this.rowNumber++;
  }

  private flush(): void {
    if (this.out.length === 0) return;
    this.sink.write(this.out);
    this.out = '';
  }

  /** The filter range, when the sheet has one: "A1:AE50001". */
  filterRange(): string | null {
    const row = this.options.filterRow;
    if (row === undefined) return null;
    return `${this.refs[0]}${row}:${columnName(Math.max(this.maxColumn, this.options.widths.length))}${Math.max(this.rowNumber, row)}`;
  }

  get image(): SheetImage | undefined {
    return this.options.image;
  }

  /** Ends the worksheet part. */
  end(): Promise<PackedEntry> {
    const filter = this.filterRange();
    // A picture lives in the sheet's drawing part, named by the sheet's own relationship rId1.
    const drawing = this.options.image ? '<drawing r:id="rId1"/>' : '';
    this.out += `</sheetData>${filter ? `<autoFilter ref="${filter}"/>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${drawing}</worksheet>`;
    this.flush();
    return this.sink.end(this.partName);
  }
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="0.000"/></numFmts>
<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** A workbook built sheet by sheet in memory, then zipped once. */
export class WorkbookWriter {
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  private stringCount = 0;
  private readonly sheets: SheetWriter[] = [];

  constructor(private readonly meta: { creator: string; title: string; /** WITA wall clock, for the file stamps */ createdWallClockMs: number }) {}

  /** The shared-string index of a text (each distinct text is stored once). */
  stringIndex(text: string): number {
    this.stringCount++;
    let index = this.strings.get(text);
    if (index === undefined) {
      index = this.stringList.length;
      this.strings.set(text, index);
      this.stringList.push(text);
    }
    return index;
  }

  sheet(name: string, options: SheetOptions): SheetWriter {
    const sheet = new SheetWriter(this, name, `xl/worksheets/sheet${this.sheets.length + 1}.xml`, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A data sheet: a styled, frozen header row with an autofilter over every row. */
  dataSheet(name: string, columns: readonly SheetColumn[]): { sheet: SheetWriter; styles: (StyleId | undefined)[]; inline: boolean[] } {
    const sheet = this.sheet(name, { frozenRows: 1, widths: columns.map((c) => c.width), filterRow: 1 });
    sheet.row(
      columns.map((c) => c.header),
      Style.Header,
    );
    return { sheet, styles: columns.map((c) => c.style), inline: columns.map((c) => c.unique === true) };
  }

  private sharedStrings(): Promise<PackedEntry> {
    const sink = new DeflateSink();
    let out = `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.stringCount}" uniqueCount="${this.stringList.length}">`;
    for (const s of this.stringList) {
      out += `<si>${textElement(s)}</si>`;
      if (out.length > CHUNK) {
        sink.write(out);
        out = '';
      }
    }
    sink.write(`${out}</sst>`);
    return sink.end('xl/sharedStrings.xml');
  }

  private workbookPart(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const names = this.sheets
      .map((s, i) => {
        const range = s.filterRange();
        if (!range) return '';
        const [a, b] = range.split(':') as [string, string];
        const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
        return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(s.name)}'!${abs(a)}:${abs(b)}</definedName>`;
      })
      .join('');
    return `${XML_HEAD}<workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`;
  }

  /** The .xlsx bytes. */
  async finish(): Promise<Buffer> {
    const sheetParts = await Promise.all(this.sheets.map((s) => s.end()));
    const n = this.sheets.length;
    const created = new Date(this.meta.createdWallClockMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const rels = this.sheets.map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    const contentTypes =
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
      this.sheets
        .map((s, i) =>
          s.image ? `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` : '',
        )
        .join('') +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      this.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
    const rootRels =
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
    const core =
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${xmlText(this.meta.title)}</dc:title><dc:creator>${xmlText(this.meta.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`;
    const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(this.meta.creator)}</Application></Properties>`;
    const small = (name: string, text: string) => packSmall(name, Buffer.from(text, 'utf8'));
    const pictures = this.sheets.flatMap((sheet, i) => {
      const image = sheet.image;
      if (!image) return [];
      const n = i + 1;
      return [
        small(
          `xl/worksheets/_rels/sheet${n}.xml.rels`,
          relationships(
            `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${n}.xml"/>`,
          ),
        ),
        small(`xl/drawings/drawing${n}.xml`, drawingPart(image)),
        small(
          `xl/drawings/_rels/drawing${n}.xml.rels`,
          relationships(
            `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image${n}.${image.extension}"/>`,
          ),
        ),
        packSmall(`xl/media/image${n}.${image.extension}`, image.bytes),
      ];
    });
    return zipArchive(
      [
        small('[Content_Types].xml', contentTypes),
        small('_rels/.rels', rootRels),
        small('docProps/core.xml', core),
        small('docProps/app.xml', app),
        small('xl/workbook.xml', this.workbookPart()),
        small(
          'xl/_rels/workbook.xml.rels',
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
        ),
        small('xl/styles.xml', STYLES),
        ...sheetParts,
        ...pictures,
        await this.sharedStrings(),
      ],
      this.meta.createdWallClockMs,
    );
  }
}
