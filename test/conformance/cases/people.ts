// Contacts (the leaver saved as an Outlook contact, with a photo) and master categories (the plan's colour).
import { eq, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case } from '../types';

const q = encodeURIComponent;
// A 1×1 grey baseline JPEG (160 bytes): SOI, JFIF APP0, DQT, SOF0, one-code DC and AC Huffman tables, SOS with
// a single DC-0/EOB block, EOI. Decodes to rgb(128,128,128) in Chromium; a real tenant must accept it as a photo.
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAAA/AD//2Q==',
  'base64',
);
const isImage = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0xff && bytes[1] === 0xd8) || (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47);

export const peopleCases: Case[] = [
  {
    id: 'contacts.create.fields',
    title: 'POST /me/contacts answers 201 and echoes the fields the app writes',
    source: { url: SRC.createContact, says: 'If successful, returns 201 Created and the contact: givenName, surname, emailAddresses, businessPhones, companyName, jobTitle, categories…' },
    async run(ctx) {
      const res = await ctx.createContact({
        givenName: 'Émilie',
        surname: 'Laurent',
        emailAddresses: [{ address: 'emilie.laurent@example.org', name: 'Émilie Laurent' }],
        businessPhones: ['+33 1 23 45 67 89'],
        companyName: 'Contoso',
        jobTitle: 'Designer produit',
      });
      status(res, 201, 'POST /me/contacts');
      eq(res.body.givenName, 'Émilie', 'givenName');
      eq(res.body.surname, 'Laurent', 'surname');
      eq(res.body.emailAddresses?.[0]?.address, 'emilie.laurent@example.org', 'emailAddresses[0].address');
      eq(res.body.businessPhones?.[0], '+33 1 23 45 67 89', 'businessPhones[0]');
      eq(res.body.jobTitle, 'Designer produit', 'jobTitle');
      ok(typeof res.body.displayName === 'string' && res.body.displayName.includes('Laurent'), `displayName ${res.body.displayName}`);
    },
  },
  {
    id: 'contacts.photo.put-then-get',
    title: 'PUT /contacts/{id}/photo/$value with image/jpeg answers 200; GET $value returns image bytes',
    source: { url: SRC.photoUpdate, says: 'PUT /me/contacts/{id}/photo/$value, Content-Type image/jpeg, binary body; 200 OK. (Get profilePhoto: 200 with the binary data.)' },
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'Photo', surname: 'Conformance' });
      status(c, 201, 'POST contact');
      const put = await ctx.call('PUT', `/me/contacts/${q(c.body.id)}/photo/$value`, { raw: TINY_JPEG, headers: { 'Content-Type': 'image/jpeg' } });
      status(put, [200, 204], 'PUT photo');
      const get = await ctx.get(`/me/contacts/${q(c.body.id)}/photo/$value`);
      status(get, 200, 'GET photo/$value');
      ok(/^image\//.test(get.headers.get('content-type') ?? ''), `content-type ${get.headers.get('content-type')}`);
      ok(isImage(get.bytes), 'the body is not JPEG or PNG bytes');
    },
  },
  {
    id: 'contacts.photo.none-404',
    title: 'GET photo/$value of a contact without a photo is a 404',
    source: { url: SRC.photoGet, says: 'If no photo exists, the operation returns 404 Not Found.' },
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'NoPhoto', surname: 'Conformance' });
      status(c, 201, 'POST contact');
      status(await ctx.get(`/me/contacts/${q(c.body.id)}/photo/$value`), 404, 'GET photo/$value');
    },
  },
  {
    id: 'contacts.extprop.filter',
    title: 'Contacts can be found by a tag in a single-value extended property',
    source: { url: SRC.extendedPropertyGet, says: 'GET /me/contacts?$filter=singleValueExtendedProperties/Any(ep: ep/id eq … and ep/value eq …) (contact is a supported resource).' },
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'Tagged', surname: 'Conformance' });
      status(c, 201, 'POST contact');
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${ctx.tag.property.id}' and ep/value eq '${ctx.tag.property.value}')`;
      const res = await ctx.get(`/me/contacts?$filter=${q(filter)}&$select=id`);
      status(res, 200, 'GET /me/contacts?$filter');
      ok(res.body.value.some((x: any) => x.id === c.body.id), 'the tagged contact was not found');
    },
  },
  {
    // Issue 12: the outcome log is a single-value property of the alumnus's contact, written with If-Match.
    id: 'contacts.extprop.patch-if-match',
    title: 'A contact\'s single-value extended property is set by PATCH with If-Match, read back by $expand; a stale If-Match is a 412',
    source: {
      url: SRC.extendedPropertyPost,
      says: 'PATCH /me/contacts/{id} with singleValueExtendedProperties [{id, value}] creates or updates it (contact is supported; Contacts.ReadWrite). Errors page: 412 Precondition Failed when an if-match header does not match the resource\'s current state.',
    },
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'Outcomes', surname: 'Conformance' });
      status(c, 201, 'POST contact');
      const id = `String {7b3c2a5e-4f61-4d8a-9c1e-2a9d5f0b8c47} Name AuRevoirConformance`;
      const etag = c.body['@odata.etag'];
      ok(typeof etag === 'string', 'no @odata.etag on the created contact');
      status(await ctx.patch(`/me/contacts/${q(c.body.id)}`, { singleValueExtendedProperties: [{ id, value: '{"v":1,"entries":[]}' }] }, { 'If-Match': etag }), 200, 'PATCH with the current etag');
      const read = await ctx.get(`/me/contacts/${q(c.body.id)}?$select=id&$expand=${q(`singleValueExtendedProperties($filter=id eq '${id}')`)}`);
      status(read, 200, 'GET with $expand');
      eq(read.body.singleValueExtendedProperties?.[0]?.value, '{"v":1,"entries":[]}', 'the property read back');
      status(await ctx.patch(`/me/contacts/${q(c.body.id)}`, { singleValueExtendedProperties: [{ id, value: 'again' }] }, { 'If-Match': etag }), 412, 'PATCH with the old etag');
    },
  },
  {
    id: 'contacts.categories',
    title: 'A category is applied by putting its displayName in the item\'s categories',
    source: { url: SRC.outlookCategory, says: 'Apply a category to an item by assigning the displayName of the category to the categories collection of the item (contact, event, …).' },
    async run(ctx) {
      const cat = await ctx.createCategory('contacts', 'preset4');
      status(cat, 201, 'POST category');
      const c = await ctx.createContact({ givenName: 'Categorised', surname: 'Conformance', categories: [cat.body.displayName] });
      status(c, 201, 'POST contact');
      const back = await ctx.get(`/me/contacts/${q(c.body.id)}?$select=categories`);
      eq(JSON.stringify(back.body.categories), JSON.stringify([cat.body.displayName]), 'categories');
    },
  },
  {
    id: 'categories.create',
    title: 'POST masterCategories answers 201 with id, displayName and color',
    source: { url: SRC.createCategory, says: 'If successful, returns 201 Created and the outlookCategory ({"id", "displayName", "color": "preset9"}).' },
    async run(ctx) {
      const res = await ctx.createCategory('create', 'preset9');
      status(res, 201, 'POST masterCategories');
      ok(typeof res.body.id === 'string' && res.body.id !== '', 'id');
      eq(res.body.color, 'preset9', 'color');
      ok(String(res.body.displayName).startsWith(ctx.tag.prefix), 'displayName');
    },
  },
  {
    id: 'categories.duplicate-refused',
    title: 'A second category with the same displayName is refused (a 4xx, not a second entry)',
    source: { url: SRC.outlookCategory, says: 'The displayName value must be unique in a user\'s master list.' },
    async run(ctx) {
      const first = await ctx.createCategory('duplicate', 'preset1');
      status(first, 201, 'first POST');
      const again = await ctx.createCategory('duplicate', 'preset2');
      ok(again.status >= 400 && again.status < 500, `second POST with the same name answered ${again.status}`);
      const list = await ctx.get('/me/outlook/masterCategories');
      eq(list.body.value.filter((c: any) => c.displayName === first.body.displayName).length, 1, 'entries with that name');
    },
  },
  {
    id: 'categories.color-presets',
    title: 'preset4 (green) and preset5 (teal) are stored and read back as given',
    source: { url: SRC.outlookCategory, says: 'color is a pre-set constant mapped to one of 25 colours: Preset4 Green, Preset5 Teal (Outlook desktop).' },
    async run(ctx) {
      const green = await ctx.createCategory('green', 'preset4');
      const teal = await ctx.createCategory('teal', 'preset5');
      status(green, 201, 'POST preset4');
      status(teal, 201, 'POST preset5');
      const g = await ctx.get(`/me/outlook/masterCategories/${q(green.body.id)}`);
      eq(g.body.color, 'preset4', 'green reads back');
      const t = await ctx.get(`/me/outlook/masterCategories/${q(teal.body.id)}`);
      eq(t.body.color, 'preset5', 'teal reads back');
    },
  },
  {
    id: 'categories.color-invalid',
    title: 'A colour that is not a preset constant is refused',
    source: { url: SRC.outlookCategory, says: 'The possible values for color are pre-set constants such as None, preset0 … preset24.' },
    async run(ctx) {
      const res = await ctx.createCategory('bad colour', 'green');
      status(res, 400, 'POST with color "green"');
    },
  },
  {
    id: 'categories.name-read-only',
    title: 'A category cannot be renamed; only its colour changes',
    source: { url: SRC.outlookCategory, says: 'displayName: after a category is created, the name cannot be changed (read-only). Update changes the writable property, color.' },
    async run(ctx) {
      const cat = await ctx.createCategory('rename', 'preset3');
      status(cat, 201, 'POST');
      const rename = await ctx.patch(`/me/outlook/masterCategories/${q(cat.body.id)}`, { displayName: ctx.tag.subject('renamed') });
      const back = await ctx.get(`/me/outlook/masterCategories/${q(cat.body.id)}`);
      ok(rename.status >= 400 || back.body.displayName === cat.body.displayName, `renamed to ${back.body.displayName}`);
      const recolour = await ctx.patch(`/me/outlook/masterCategories/${q(cat.body.id)}`, { color: 'preset7' });
      status(recolour, 200, 'PATCH color');
      eq((await ctx.get(`/me/outlook/masterCategories/${q(cat.body.id)}`)).body.color, 'preset7', 'colour after PATCH');
    },
  },
];
