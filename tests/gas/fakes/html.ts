import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asGas, gasEnum, type Tracker } from './spreadsheet-base';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = gasEnum<typeof GoogleAppsScript.HTML.SandboxMode>([
  'EMULATED',
  'IFRAME',
  'NATIVE',
]);
export const XFrameOptionsMode = gasEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
  'ALLOWALL',
  'DEFAULT',
]);

/** What a shown sidebar or dialog contained, as recorded by the Ui fake. */
export interface HtmlSnapshot {
  title: string;
  content: string;
  /** 0 when never set (the fake's choice; Google picks a default size when showing it). */
  width: number;
  height: number;
  metaTags: { name: string; content: string }[];
  xFrameOptionsMode: string | null;
  sandboxMode: string | null;
}

type HtmlOutputApi = Pick<
  GHtmlOutput,
  | 'addMetaTag'
  | 'append'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
>;

export class FakeHtmlOutput implements HtmlOutputApi {
  private title = '';
  private width = 0;
  private height = 0;
  private readonly metaTags: { name: string; content: string }[] = [];
  private xFrameOptionsMode: string | null = null;
  private sandboxMode: string | null = null;

  constructor(
    private readonly tracker: Tracker,
    private content: string,
  ) {}

  /** Test-side read that counts no calls (a static, so sandboxed code cannot reach it from an output). */
  static snapshot(output: FakeHtmlOutput): HtmlSnapshot {
    const { title, content, width, height, metaTags, xFrameOptionsMode, sandboxMode } = output;
    return { title, content, width, height, metaTags: [...metaTags], xFrameOptionsMode, sandboxMode };
  }

  private hit(method: string): GHtmlOutput {
    this.tracker.hit('HtmlOutput', method);
    return asGas(this);
  }

  getTitle(): string {
    this.hit('getTitle');
    return this.title;
  }

  setTitle(title: string): GHtmlOutput {
    this.title = title;
    return this.hit('setTitle');
  }

  getWidth(): number {
    this.hit('getWidth');
    return this.width;
  }

  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this.hit('setWidth');
  }

  getHeight(): number {
    this.hit('getHeight');
    return this.height;
  }

  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this.hit('setHeight');
  }

  getContent(): string {
    this.hit('getContent');
    return this.content;
  }

  setContent(content: string): GHtmlOutput {
    this.content = content;
    return this.hit('setContent');
  }

  append(addedContent: string): GHtmlOutput {
    this.content += addedContent;
    return this.hit('append');
  }

  addMetaTag(name: string, content: string): GHtmlOutput {
    this.metaTags.push({ name, content });
    return this.hit('addMetaTag');
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this.hit('setXFrameOptionsMode');
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GHtmlOutput {
    this.sandboxMode = String(mode);
    return this.hit('setSandboxMode');
  }
}

type HtmlServiceApi = Pick<
  GoogleAppsScript.HTML.HtmlService,
  'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile'
>;

/** No templates on purpose: the product serves built HTML files as they are (no `<?` scriptlets). */
export class FakeHtmlService implements HtmlServiceApi {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly tracker: Tracker,
    /** Where `<name>.html` files live (the build output); without it every file is missing. */
    private readonly htmlDir?: string,
  ) {}

  /** Only HTML strings: a Blob source is not implemented and throws TypeError. */
  createHtmlOutput(html: string | GoogleAppsScript.Base.BlobSource = ''): GHtmlOutput {
    this.tracker.hit('HtmlService', 'createHtmlOutput');
    if (typeof html !== 'string') throw new TypeError('The HtmlService fake only accepts HTML strings.');
    return asGas(new FakeHtmlOutput(this.tracker, html));
  }

  /** Reads `${htmlDir}/${filename}.html`; Google's error when there is no such file. */
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    this.tracker.hit('HtmlService', 'createHtmlOutputFromFile');
    const path = this.htmlDir === undefined ? undefined : join(this.htmlDir, `${filename}.html`);
    if (path === undefined || !existsSync(path))
      throw this.tracker.error(`No HTML file named ${filename} was found.`);
    return asGas(new FakeHtmlOutput(this.tracker, readFileSync(path, 'utf8')));
  }
}
