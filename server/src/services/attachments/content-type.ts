import { filetypeinfo } from 'magic-bytes.js';

/** What decides a file's type: its first bytes, its name, and what the client declared. */
export interface FileFacts {
  head: Buffer;
  name: string;
  declared: string | null;
}

export type TypeDecision = { mime: string } | { refused: string };

/** Types a text file without magic bytes may be stored as, with the extensions that fit them. */
const TEXT_TYPES: Record<string, string[]> = {
  'text/plain': ['', 'txt', 'text', 'log', 'md'],
  'text/csv': ['csv'],
};
/** What a browser would run or render as a page, whatever the type says. */
const MARKUP = /<\s*(script|html|svg|iframe|object|embed|body|!doctype|\?xml)|javascript:|\son\w+\s*=/i;
const GENERIC = new Set(['', 'application/octet-stream']);
/** Types a browser runs or renders as a page: never stored, whatever the allow-list says (`image/*`). */
const ACTIVE_TYPES = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
  'application/x-shockwave-flash',
]);
/** Extensions that name the same type. */
const SAME_EXTENSIONS = [
  ['jpg', 'jpeg', 'jpe', 'jfif'],
  ['tif', 'tiff'],
];
const sameExtension = (a: string, b: string) =>
  a === b || SAME_EXTENSIONS.some((group) => group.includes(a) && group.includes(b));

interface Candidate {
  typename: string;
  mime?: string;
  extension?: string;
}

const extensionOf = (name: string) => (name.includes('.') ? name.split('.').pop()!.toLowerCase() : '');

const normalize = (type: string | null) => {
  const value = (type ?? '').split(';')[0].trim().toLowerCase();
  return value === 'image/jpg' ? 'image/jpeg' : value;
};

export const matchesPattern = (type: string, pattern: string) =>
  pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;

const isUtf8Text = (head: Buffer) => {
  if (head.includes(0)) return false;
  try {
    // `stream` keeps a character cut at the end of the sample from counting as invalid
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/**
 * The type a file is stored and served as, decided from its content (SPEC §5): the magic bytes
 * when it has some (magic-bytes.js), else plain UTF-8 text without markup. The declared type and the extension must agree with it, and it must be allowed;
 * otherwise the reason it is refused.
 */
export const decideType = async (
  { head, name, declared }: FileFacts,
  allowed: string[]
): Promise<TypeDecision> => {
  const said = normalize(declared);
  const ext = extensionOf(name);
  // Several types can share magic bytes (a ZIP is also a .docx, an .xlsx…): the content names
  // the candidates, the declared type or the extension picks one of them, never another type.
  // A byte-order mark names text, not a type: the text's own checks apply to what follows it.
  if (
    head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ||
    head.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))
  )
    return { refused: 'is UTF-16 text: save it as UTF-8' };
  const utf8Bom = head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const body = utf8Bom ? head.subarray(3) : head;
  const candidates = (utf8Bom ? [] : (filetypeinfo(head) as Candidate[])).map((c) => ({
    ...c,
    mime: c.mime && normalize(c.mime),
    extension: (c.extension ?? c.typename).replace(/^\./, '').toLowerCase(),
  }));

  let type: string;
  if (candidates.length) {
    const chosen =
      candidates.find((c) => c.mime && c.mime === said) ??
      (GENERIC.has(said)
        ? candidates.find((c) => c.mime && (!ext || sameExtension(c.extension, ext)))
        : undefined);
    const content = candidates[0].mime ?? candidates[0].typename;
    if (!chosen?.mime)
      return { refused: `is declared ${said || 'without a type'} but its content is ${content}` };
    if (ext && !sameExtension(chosen.extension, ext))
      return { refused: `is named .${ext} but its content is ${chosen.mime}` };
    type = chosen.mime;
  } else {
    if (!isUtf8Text(body)) return { refused: 'has content of an unknown type' };
    if (MARKUP.test(body.toString('utf8')))
      return { refused: 'contains markup or script a browser would run' };
    type = said in TEXT_TYPES ? said : ext === 'csv' ? 'text/csv' : 'text/plain';
    if (!GENERIC.has(said) && said !== type)
      return { refused: `is declared ${said} but its content is text` };
    if (!TEXT_TYPES[type].includes(ext)) return { refused: `is named .${ext} but its content is ${type}` };
  }
  if (ACTIVE_TYPES.has(type)) return { refused: `is of a type a browser would run (${type})` };
  if (!allowed.some((pattern) => matchesPattern(type, pattern)))
    return { refused: `is of a refused type (${type})` };
  return { mime: type };
};
