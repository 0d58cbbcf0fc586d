import { createHmac } from 'node:crypto';
import { INPUT_QUESTIONS } from '../../src/core/plan/input-form';
import { REGIONAL_INPUT } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import type { FakeForm } from './fakes/form-app';
import { LEADER, deskWith, type Desk } from './desk-helpers';

/**
 * The regions' input form in the sandbox: made by the menu from its schema (regions from the settings,
 * measures from the plan), answered through the FormApp fake (response sheet first, then the one
 * form-submit trigger), each response an `Innspill` row once, whatever fires again.
 */
function desk(values = exampleWorkbook()): { sb: Desk; form: FakeForm } {
  const sb = deskWith(values);
  sb.ui.answerAlert();
  sb.runAs({ email: LEADER }, () => sb.call('createInputForm'));
  const form = [...sb.fakes.FormApp.forms.values()].find((f) => f.getTitle().startsWith('Innspill'))!;
  return { sb, form };
}

const title = (key: string) => INPUT_QUESTIONS.find((q) => q.key === key)!.title.nb;

/** The rows the form wrote (a `Svar-ID`), beside the example's input typed by hand. */
const rows = (sb: Desk) => {
  const [header, ...data] = sb.spreadsheet.sheetData(REGIONAL_INPUT.name).values as unknown[][];
  return data
    .map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])))
    .filter((r) => r['Svar-ID'] !== '' && r['Svar-ID'] !== undefined);
};

const choicesOf = (form: FakeForm, t: string) =>
  form
    .getItems()
    .find((i) => i.getTitle() === t)!
    .asListItem()
    .getChoices()
    .map((c) => c.getValue());

/** A region's code as its link carries it: the keyed hash of the key in the document properties. */
function codeOf(sb: Desk, region: string): string {
  const key = sb.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.secret')!;
  return `k${createHmac('sha256', key).update(`input\u0000${region}`, 'utf8').digest('hex').slice(0, 20)}`;
}

/** The answers a region's link fills in, read back from the link as a browser would. */
function prefilled(form: FakeForm, url: string): Record<string, string> {
  const query = new URL(url).searchParams;
  return Object.fromEntries(
    form
      .getItems()
      .filter((i) => query.has(`entry.${i.getId()}`))
      .map((i) => [i.getTitle(), query.get(`entry.${i.getId()}`)!]),
  );
}

function send(sb: Desk, form: FakeForm, answers: Record<string, string>) {
  sb.clock.advance(1000);
  return form.submit(Object.fromEntries(Object.entries(answers).map(([k, v]) => [title(k), v])))!;
}

describe('the input form', () => {
  it('is generated from the schema: the regions from the settings, the measures from the plan', () => {
    const { sb, form } = desk();
    const titles = form
      .snapshot()
      .items.filter((i) => i.type !== 'SECTION_HEADER' && i.type !== 'PAGE_BREAK')
      .map((i) => i.title);
    expect(titles).toEqual(INPUT_QUESTIONS.map((q) => q.title.nb));
    expect(choicesOf(form, 'Region')).toEqual([
      'Østre Agder',
      'Lister',
      'Setesdal',
      'Kristiansand (inkl. Lindesnes)',
      'Hele Agder',
    ]);
    const measures = choicesOf(form, 'Tiltak');
    expect(measures.length).toBeGreaterThan(0);
    expect(measures.every((m) => /^\d+\.\d+\.\d+ – \S/.test(m))).toBe(true);
    expect(form.isPublished()).toBe(true);
    // The sheet is made with the journal's columns, and the one form-submit trigger is installed.
    expect(sb.spreadsheet.sheetData(REGIONAL_INPUT.name).values[0]).toEqual(
      REGIONAL_INPUT.fields.map((f) => f.header),
    );
    const handlers = sb.fakes.ScriptApp.allTriggers()
      .map((t) => t.handler)
      .sort();
    expect(handlers).toEqual(['onFormSubmit', 'runHourly']);
    const log = sb.spreadsheet.sheetData('Logg').values.slice(1);
    expect(log.map((r) => r[2])).toContain('Opprett innspillsskjema');
  });

  it('registers a response once as an Innspill row, user text as text, a resubmitted sweep adding nothing', () => {
    const { sb, form } = desk();
    const measure = choicesOf(form, 'Tiltak')[1]!;
    const nr = measure.split(' ')[0]!;
    const response = send(sb, form, {
      region: 'Lister',
      nr: measure,
      assessment: 'Rød',
      comment: '=HYPERLINK("https://evil.example";"klikk")',
    });
    const [row, ...more] = rows(sb);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      Region: 'Lister',
      Nr: nr,
      Vurdering: 'Rød',
      'Innsendt av': 'skjema',
      'Andre svar': '',
    });
    // The text itself, never a formula.
    expect(row!['Kommentar']).toBe('=HYPERLINK("https://evil.example";"klikk")');
    expect(
      sb.spreadsheet
        .sheetData(REGIONAL_INPUT.name)
        .formulas.flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(row!['Dato']).toBeInstanceOf(Date);
    expect(String(row!['Svar-ID'])).not.toBe('');
    // The event again, the hourly sweep, the menu sweep: nothing more.
    sb.refireFormSubmit(response);
    sb.fireClockTriggers();
    sb.ui.answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('registerMissingResponses'));
    expect(rows(sb)).toHaveLength(1);
    const log = sb.spreadsheet.sheetData('Logg').values.filter((r) => r[2] === 'Innspill mottatt');
    expect(log).toHaveLength(1);
    expect(String(log[0]![5])).toContain(`Lister, tiltak ${nr}: Rød`);
    // The application form's intake saw the event and wrote nothing to Søknader.
    expect(sb.spreadsheet.sheetData('Søknader').values).toHaveLength(exampleWorkbook()['Søknader']!.length);
  });

  it('keeps a link template, and the dialog gives each region its own link, escaped', () => {
    const { sb, form } = desk();
    const template = sb.fakes.PropertiesService.getDocumentProperties().getProperty(
      'tilskudd.inputForm.prefilledUrl',
    )!;
    expect(template).toContain(form.getPublishedUrl());
    expect(template).toContain('TILSKUDDSAKSNR');
    expect(template).toContain('TILSKUDDKODE');
    // The placeholder was a choice only while the template was made.
    expect(choicesOf(form, 'Region')).not.toContain('TILSKUDDSAKSNR');
    const [shown, ...more] = sb.ui.html;
    expect(more).toEqual([]);
    expect(shown).toMatchObject({ kind: 'modal', dialogTitle: 'Lenker til regionene' });
    const anchors = [...shown!.content.matchAll(/<strong>([^<]*)<\/strong><br><a href="([^"]*)"/g)].map(
      ([, region, href]) => [region, href!.replace(/&amp;/g, '&')],
    );
    expect(anchors.map(([r]) => r)).toEqual([
      'Østre Agder',
      'Lister',
      'Setesdal',
      'Kristiansand (inkl. Lindesnes)',
      'Hele Agder',
    ]);
    for (const [region, href] of anchors)
      expect(prefilled(form, href!)).toEqual({ Region: region, Kode: codeOf(sb, region!) });
    // The same list from the menu item, later.
    sb.runAs({ email: LEADER }, () => sb.call('showRegionLinks'));
    expect(sb.ui.html[1]!.content).toContain(anchors[1]![1]!.replace(/&/g, '&amp;'));
  });

  it('escapes a region name in the dialog, text and link alike', () => {
    const values = exampleWorkbook();
    const settings = [
      ...values['Innstillinger']!.filter((r) => r[0] !== 'Regioner'),
      ['Regioner', 'Lister; <b>"Øst" & Co</b>'],
    ];
    const { sb, form } = desk({ ...values, Innstillinger: settings });
    expect(choicesOf(form, 'Region')).toEqual(['Lister', '<b>"Øst" & Co</b>']);
    const html = sb.ui.html[0]!.content;
    expect(html).not.toContain('<b>');
    expect(html).toContain('<strong>&lt;b&gt;&quot;Øst&quot; &amp; Co&lt;/b&gt;</strong>');
    expect(html).toContain(encodeURIComponent('<b>"Øst" & Co</b>').replace(/&/g, '&amp;'));
  });

  it("registers input with its region's code as verified, without it or with another region's as unverified", () => {
    const { sb, form } = desk();
    const measure = choicesOf(form, 'Tiltak')[0]!;
    const base = { nr: measure, assessment: 'Gul', comment: 'Innspill' };
    send(sb, form, { ...base, region: 'Lister', check: codeOf(sb, 'Lister') });
    send(sb, form, { ...base, region: 'Setesdal' });
    send(sb, form, { ...base, region: 'Setesdal', check: codeOf(sb, 'Lister') });
    send(sb, form, { ...base, region: 'Setesdal', check: 'kfeil' });
    expect(rows(sb).map((r) => [r['Region'], r['Kontroll'], r['Innsendt av']])).toEqual([
      ['Lister', 'Kode stemmer', 'skjema'],
      ['Setesdal', 'Ubekreftet', 'skjema'],
      ['Setesdal', 'Ubekreftet', 'skjema'],
      ['Setesdal', 'Ubekreftet', 'skjema'],
    ]);
    // The code itself is kept nowhere in the sheet.
    expect(JSON.stringify(sb.spreadsheet.sheetData(REGIONAL_INPUT.name).values)).not.toContain(
      codeOf(sb, 'Lister'),
    );
    const log = sb.spreadsheet.sheetData('Logg').values.filter((r) => r[2] === 'Innspill mottatt');
    expect(log.map((r) => String(r[5]).includes('Ubekreftet'))).toEqual([false, true, true, true]);
  });

  it('a response the trigger missed (lock held) is registered by the hourly sweep, once', () => {
    const { sb, form } = desk();
    sb.fakes.LockService.holdFor('document', 'another-execution');
    send(sb, form, {
      region: 'Setesdal',
      nr: choicesOf(form, 'Tiltak')[0]!,
      assessment: 'Gul',
      comment: 'Tregt',
    });
    sb.fakes.LockService.releaseAllHeldBy('another-execution');
    expect(rows(sb)).toHaveLength(0);
    sb.fireClockTriggers();
    sb.fireClockTriggers();
    expect(rows(sb).map((r) => r['Region'])).toEqual(['Setesdal']);
  });

  it('is refused to a Sekretariat member, and without measures in the plan', () => {
    const sb = deskWith(exampleWorkbook());
    sb.ui.answerAlert();
    sb.call('createInputForm');
    expect([...sb.fakes.FormApp.forms.values()]).toHaveLength(0);
    sb.ui.answerAlert();
    sb.call('showRegionLinks');
    expect(sb.ui.html).toEqual([]);
    expect(sb.ui.alerts.map((a) => a.prompt).join(' ')).toContain('lage innspillsskjema til regionene');
    const values = exampleWorkbook();
    delete values['Handlingsplan'];
    const bare = deskWith(values);
    bare.ui.answerAlert();
    bare.runAs({ email: LEADER }, () => bare.call('createInputForm'));
    expect([...bare.fakes.FormApp.forms.values()]).toHaveLength(0);
    expect(bare.ui.alerts.map((a) => a.prompt).join(' ')).toContain('ingen nummererte tiltak');
  });
});
