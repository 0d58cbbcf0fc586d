import { DestinationType, FakeFormApp, ItemType } from './fakes/form-app';
import { createEnv, type FakeEnv, NOT_FOUND } from './fakes/services';

let env: FakeEnv;
let app: FakeFormApp;
beforeEach(() => {
  env = createEnv();
  app = new FakeFormApp(env);
});

describe('FormApp', () => {
  it('creates forms with settings, URLs and a spreadsheet destination', () => {
    const form = app
      .create('Søknad om tilskudd')
      .setDescription('Fyll ut alle felt')
      .setConfirmationMessage('Takk!')
      .setCollectEmail(true)
      .setAllowResponseEdits(false)
      .setLimitOneResponsePerUser(true)
      .setProgressBar(true);
    expect(form.getTitle()).toBe('Søknad om tilskudd');
    expect(form.setTitle('Søknad 2025').getTitle()).toBe('Søknad 2025');
    expect(form.getDescription()).toBe('Fyll ut alle felt');
    expect(form.collectsEmail()).toBe(true);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(/\/forms\/d\/e\/.+\/viewform$/);
    expect(form.getPublishedUrl()).not.toContain(`/d/${form.getId()}/`);
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
    form.setDestination(DestinationType.SPREADSHEET, 'sheet-1');
    expect(form.getDestinationId()).toBe('sheet-1');
    expect(form.getDestinationType()).toBe(DestinationType.SPREADSHEET);
    expect(app.openById(form.getId())).toBe(form);
    expect(() => app.openById('nope')).toThrow(NOT_FOUND);
    expect(form.snapshot()).toMatchObject({
      title: 'Søknad 2025',
      confirmationMessage: 'Takk!',
      limitOneResponsePerUser: true,
      progressBar: true,
      destination: { type: 'SPREADSHEET', id: 'sheet-1' },
      items: [],
    });
  });

  it('builds every item type with titles, help texts, required flags and choices', () => {
    const form = app.create('F');
    form.addSectionHeaderItem().setTitle('Om søker').setHelpText('Hvem søker?');
    form.addTextItem().setTitle('Navn').setRequired(true);
    form.addParagraphTextItem().setTitle('Beskrivelse');
    form.addMultipleChoiceItem().setTitle('Kategori').setChoiceValues(['Kultur', 'Idrett']);
    form.addCheckboxItem().setTitle('Vedlegg').setChoiceValues(['Budsjett', 'CV']);
    form.addListItem().setTitle('Kommune').setChoiceValues(['Oslo', 'Bergen']);
    form.addDateItem().setTitle('Startdato');
    form.addPageBreakItem().setTitle('Side 2');
    form.addScaleItem().setTitle('Hvor viktig?').setBounds(1, 10).setLabels('Lite', 'Mye');
    expect(form.getItems().map((i) => String(i.getType()))).toEqual([
      'SECTION_HEADER',
      'TEXT',
      'PARAGRAPH_TEXT',
      'MULTIPLE_CHOICE',
      'CHECKBOX',
      'LIST',
      'DATE',
      'PAGE_BREAK',
      'SCALE',
    ]);
    const [header, name, , category] = form.getItems();
    expect(header?.getHelpText()).toBe('Hvem søker?');
    expect(name?.asTextItem().isRequired()).toBe(true);
    expect(
      category
        ?.asMultipleChoiceItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['Kultur', 'Idrett']);
    expect(form.getItems(ItemType.TEXT).map((i) => i.getTitle())).toEqual(['Navn']);
    expect(form.snapshot().items[8]).toEqual({
      type: 'SCALE',
      title: 'Hvor viktig?',
      helpText: '',
      required: false,
      scale: { lower: 1, upper: 10, leftLabel: 'Lite', rightLabel: 'Mye' },
    });
    expect(() => form.addScaleItem().setBounds(2, 5)).toThrow('Invalid argument: bounds');
  });

  it('gives items ids and indexes, and deletes and moves them', () => {
    const form = app.create('F');
    const a = form.addTextItem().setTitle('A');
    const b = form.addTextItem().setTitle('B');
    form.addTextItem().setTitle('C');
    expect(a.getId()).not.toBe(b.getId());
    expect(b.getIndex()).toBe(1);
    const moved = form.moveItem(0, 2);
    expect(moved.getTitle()).toBe('A');
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['B', 'C', 'A']);
    form.moveItem(a, 0);
    form.deleteItem(b);
    form.deleteItem(1);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['A']);
    expect(() => b.getTitle()).toThrow('deleted');
    expect(() => form.deleteItem(5)).toThrow('Invalid argument');
    expect(() => form.moveItem(0, 3)).toThrow('Invalid argument: toIndex');
  });

  it('casts generic items only to their own type, as Google does', () => {
    const form = app.create('F');
    form.addCheckboxItem().setTitle('Vedlegg');
    const [item] = form.getItems();
    expect(item?.asCheckboxItem().getTitle()).toBe('Vedlegg');
    expect(() => item?.asTextItem()).toThrow('Invalid conversion for item type: CHECKBOX.');
    expect(() => item?.asMultipleChoiceItem()).toThrow('Invalid conversion');
  });

  it('gives each item type only its own methods', () => {
    const form = app.create('F');
    const header = form.addSectionHeaderItem() as unknown as Record<string, unknown>;
    const text = form.addTextItem() as unknown as Record<string, unknown>;
    const [generic] = form.getItems() as unknown as Record<string, unknown>[];
    expect(header['setRequired']).toBeUndefined();
    expect(text['setChoiceValues']).toBeUndefined();
    expect(generic?.['setRequired']).toBeUndefined();
    const paragraphRules = app.createParagraphTextValidation() as unknown as Record<string, unknown>;
    expect(paragraphRules['requireNumber']).toBeUndefined();
  });

  it('builds validations and accepts each only on its item type', () => {
    const form = app.create('F');
    const amount = form.addTextItem().setTitle('Beløp');
    const number = app
      .createTextValidation()
      .requireNumber()
      .requireNumberGreaterThanOrEqualTo(0)
      .setHelpText('Et beløp i kroner')
      .build();
    amount.setValidation(number);
    expect(form.snapshot().items[0]?.validation).toEqual({
      kind: 'text',
      rule: 'requireNumberGreaterThanOrEqualTo',
      args: [0],
      helpText: 'Et beløp i kroner',
    });
    const email = form.addTextItem();
    email.setValidation(app.createTextValidation().requireTextIsEmail().build());
    const story = form.addParagraphTextItem();
    story.setValidation(app.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(2000).build());
    const boxes = form.addCheckboxItem().setChoiceValues(['a', 'b', 'c']);
    boxes.setValidation(app.createCheckboxValidation().requireSelectAtMost(2).build());
    expect(() => story.setValidation(number)).toThrow('Invalid argument: validation');
    expect(() => boxes.setValidation(number)).toThrow('Invalid argument: validation');
    expect(() => amount.setValidation({})).toThrow('Invalid argument: validation');
    expect(() => app.createTextValidation().setHelpText('x').build()).toThrow('require* rule');
    amount.clearValidation();
    expect(form.snapshot().items[0]?.validation).toBeUndefined();
    expect(form.snapshot().items.map((i) => i.validation?.rule)).toEqual([
      undefined,
      'requireTextIsEmail',
      'requireTextLengthLessThanOrEqualTo',
      'requireSelectAtMost',
    ]);
  });

  it('counts every call and refuses custom functions', () => {
    const form = app.create('F');
    form.addTextItem().setTitle('A').setRequired(true);
    form.getItems()[0]?.asTextItem();
    expect(env.calls.snapshot()).toEqual({
      'Form.addTextItem': 1,
      'Form.getItems': 1,
      'FormApp.create': 1,
      'Item.asTextItem': 1,
      'TextItem.setRequired': 1,
      'TextItem.setTitle': 1,
    });
    env.execution.mode = 'customFunction';
    expect(() => app.create('G')).toThrow('You do not have permission to call FormApp.create');
    expect(() => app.openById(form.getId())).toThrow('You do not have permission to call FormApp.openById');
  });
});

describe('prefilled links', () => {
  it('builds the published link with each answer as an encoded entry, and refuses another form’s item', () => {
    const form = app.create('Status');
    const caseItem = form.addTextItem().setTitle('Saksnummer');
    form.addTextItem().setTitle('Annet');
    const url = form
      .createResponse()
      .withItemResponse(caseItem.createResponse('2025-05-001 & x'))
      .toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${caseItem.getId()}=2025-05-001%20%26%20x`);
    expect(form.createResponse().toPrefilledUrl()).toBe(`${form.getPublishedUrl()}?usp=pp_url`);
    const other = app.create('Annet skjema').addTextItem();
    expect(() => form.createResponse().withItemResponse(other.createResponse('x'))).toThrow(
      'Invalid argument',
    );
    expect(env.calls.count('FormResponse.toPrefilledUrl')).toBe(2);
  });

  it('a list answer must be one of its choices, as in Google', () => {
    const form = app.create('Innspill');
    const list = form.addListItem().setTitle('Region');
    list.setChoiceValues(['Lister', 'Setesdal']);
    expect(() => list.createResponse('Agder')).toThrow('valid choice');
    const url = form.createResponse().withItemResponse(list.createResponse('Lister')).toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${list.getId()}=Lister`);
  });
});
