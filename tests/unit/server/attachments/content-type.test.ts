import { decideType } from '../../../../server/src/services/attachments/content-type';

const ALLOWED = [
  'image/*',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PDF = Buffer.from('%PDF-1.7\n');
const ZIP = Buffer.from('504b0304', 'hex');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const decide = (head: Buffer | string, name: string, declared: string | null) =>
  decideType({ head: Buffer.from(head), name, declared }, ALLOWED);

describe('the type of an attachment comes from its content (SPEC §5)', () => {
  it('takes the type the magic bytes name, when the declared type and the extension agree', async () => {
    expect(await decide(PNG, 'scan.png', 'image/png')).toEqual({ mime: 'image/png' });
    expect(await decide(PDF, 'offer.PDF', 'application/octet-stream')).toEqual({ mime: 'application/pdf' });
    expect(await decide(PDF, 'offer', null)).toEqual({ mime: 'application/pdf' });
  });

  it('lets the declared type or the extension pick among types that share magic bytes', async () => {
    expect(await decide(ZIP, 'contract.docx', DOCX)).toEqual({ mime: DOCX });
    expect(await decide(ZIP, 'contract.docx', null)).toEqual({ mime: DOCX });
    expect(await decide(ZIP, 'archive.zip', 'application/zip')).toEqual({
      refused: expect.stringMatching(/refused type/),
    });
  });

  it('refuses a declared type or an extension the content contradicts', async () => {
    expect(await decide(PNG, 'scan.pdf', 'application/pdf')).toEqual({
      refused: expect.stringMatching(/content is image\/png/),
    });
    expect(await decide(PNG, 'scan.pdf', 'image/png')).toEqual({
      refused: expect.stringMatching(/named \.pdf/),
    });
    expect(await decide('alert(1)', 'pixel.gif', 'image/gif')).toEqual({
      refused: expect.stringMatching(/content is text/),
    });
  });

  it('stores text only as plain text or CSV, without markup', async () => {
    expect(await decide('Called Ada', 'notes.txt', 'text/plain')).toEqual({ mime: 'text/plain' });
    expect(await decide('a,b\n1,2\n', 'rows.csv', 'application/octet-stream')).toEqual({ mime: 'text/csv' });
    expect(await decide('<html><script>x()</script>', 'notes.txt', 'text/plain')).toEqual({
      refused: expect.stringMatching(/markup or script/),
    });
    expect(await decide('<img src=x onerror=alert(1)>', 'notes.txt', 'text/plain')).toEqual({
      refused: expect.stringMatching(/markup or script/),
    });
    expect(await decide('alert(1)', 'app.js', 'text/plain')).toEqual({
      refused: expect.stringMatching(/named \.js/),
    });
    expect(await decide(Buffer.from([0x80, 0x81, 0x00, 0x41]), 'x.txt', 'text/plain')).toEqual({
      refused: expect.stringMatching(/unknown type/),
    });
  });

  it('never stores what a browser runs, even where the allow-list says image/*', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect(await decide(svg, 'logo.svg', 'image/svg+xml')).toEqual({ refused: expect.any(String) });
    expect(await decide(Buffer.from('7f454c46020101', 'hex'), 'tool.pdf', 'application/pdf')).toEqual({
      refused: expect.any(String),
    });
  });
});

describe('byte-order marks', () => {
  it('check the text after a UTF-8 BOM like any text, and refuse UTF-16', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(
      await decide(Buffer.concat([bom, Buffer.from('<svg onload=alert(1)>')]), 'a.txt', 'text/plain')
    ).toEqual({
      refused: expect.stringMatching(/markup or script/),
    });
    expect(await decide(Buffer.concat([bom, Buffer.from('plain words')]), 'a.txt', 'text/plain')).toEqual({
      mime: 'text/plain',
    });
    expect(await decide(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'a.txt', 'text/plain')).toEqual({
      refused: expect.stringMatching(/UTF-16/),
    });
  });
});
