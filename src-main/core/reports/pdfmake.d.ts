/**
 * The part of pdfmake 0.3's server API the report uses (the package ships no types, and
 * @types/pdfmake describes 0.2). Content nodes are plain objects; see https://pdfmake.github.io/docs/0.3/.
 */
declare module 'pdfmake' {
  export type Content = Record<string, unknown> | string | Content[];
  export interface DocumentDefinition {
    pageSize?: string;
    pageOrientation?: 'portrait' | 'landscape';
    pageMargins?: number | [number, number, number, number];
    info?: Record<string, string>;
    defaultStyle?: Record<string, unknown>;
    styles?: Record<string, Record<string, unknown>>;
    header?: (currentPage: number, pageCount: number) => Content;
    footer?: (currentPage: number, pageCount: number) => Content;
    content: Content;
    compress?: boolean;
  }
  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  export interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: string, encoding: 'base64'): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

declare module 'pdfmake/build/vfs_fonts.js' {
  /** File name → base64 content (Roboto-Regular.ttf, Roboto-Medium.ttf, Roboto-Italic.ttf, Roboto-MediumItalic.ttf). */
  const vfs: Record<string, string>;
  export default vfs;
}
