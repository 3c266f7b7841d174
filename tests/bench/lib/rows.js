/**
 * The benchmark's data, row by row, as Strapi itself stores it (columns and link tables read from
 * the app's metadata by the caller). Deterministic: the same seed gives the same database.
 */

const FIRST =
  'Ada,Grace,Alan,Katherine,Linus,Margaret,Tim,Barbara,Dennis,Frances,Ken,Radia,Edsger,Hedy,John,Sophie,Donald,Annie,Niklaus,Mary Ann,Leslie,Fran,Guido,Bjarne,Anita,Jean,Shafi,Whitfield,Evelyn,Vint,Joan,Robert,Ivan,Adele,Butler,Carol,Jim,Lynn,Martin,Sally'.split(
    ','
  );
const LAST =
  'Lovelace,Hopper,Turing,Johnson,Torvalds,Hamilton,Berners-Lee,Liskov,Ritchie,Allen,Thompson,Perlman,Dijkstra,Lamarr,Backus,Wilson,Knuth,Easley,Wirth,de la Cruz,Lamport,Bilas,van Rossum,Stroustrup,Borg,Sammet,Goldwasser,Diffie,Berezin,Cerf,Clarke,Kahn,Sutherland,Goldberg,Lampson,Shaw,Gray,Conway,Fowler,Floyd'.split(
    ','
  );
const COMPANY_PARTS = [
  ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell'],
  ['Corp', 'Logistics', 'Health', 'Systems', 'Foods'],
];
const CITIES =
  'Paris/France,Berlin/Germany,London/United Kingdom,Madrid/Spain,New York/United States,Toronto/Canada,Lyon/France,Milan/Italy,Austin/United States,Lisbon/Portugal,Warsaw/Poland,Dublin/Ireland'
    .split(',')
    .map((pair) => pair.split('/'));
const POSITIONS = 'CEO,CTO,Head of Sales,Procurement Manager,Operations Director,Founder,IT Manager'.split(
  ','
);

/** 30 tags: a lead carries 0 to 6 of them, 3 on average. */
const TAGS = Array.from({ length: 30 }, (_, i) => `bench-tag-${String(i + 1).padStart(2, '0')}`);

/** The five custom fields the seeded leads fill. */
const CUSTOM_FIELDS = [
  { name: 'Budget', slug: 'budget', type: 'number' },
  {
    name: 'Industry',
    slug: 'industry',
    type: 'select',
    options: ['Retail', 'Energy', 'Healthcare', 'Software', 'Logistics'],
  },
  { name: 'Mobile', slug: 'mobile', type: 'text', personal: true },
  { name: 'Preferred contact', slug: 'preferred-contact', type: 'select', options: ['Email', 'Phone'] },
  { name: 'Decision date', slug: 'decision-date', type: 'date' },
];
/** Five more, filled only on the leads the conversion figure converts (10 custom fields each). */
const CONVERSION_FIELDS = [
  { name: 'Employees', slug: 'employees', type: 'number' },
  { name: 'Competitor', slug: 'competitor', type: 'text' },
  { name: 'Newsletter', slug: 'newsletter', type: 'checkbox' },
  { name: 'Products', slug: 'products', type: 'multiselect', options: ['CRM', 'ERP', 'BI'] },
  { name: 'Referrer site', slug: 'referrer-site', type: 'url' },
];

const STATUS_WEIGHTS = { New: 30, Contacted: 25, Qualified: 15, Proposal: 10, Customer: 20 };
const SOURCE_WEIGHTS = { Website: 35, Referral: 15, Campaign: 15, Phone: 10, Email: 15, Other: 10 };

/** A small deterministic generator (the demo seed's). */
const random = (seed) => () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};

const weighted = (rand, entries) => {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1][0];
};

/** A documentId unique in its table: a letter for the table, then the row id. */
const documentId = (prefix, id) => prefix + id.toString(36).padStart(23, '0');

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Builds the rows of leads `firstId`..`firstId+count-1` (and everything hanging off them) for a
 * database seeded with `total` leads spread over three years before `ctx.now`, newest last.
 * `ctx`: rand, staff ids, statuses/sources by name (ids), tag ids, next note/customer ids.
 * `overrides` shapes special leads (the conversion figure's): owner, status, custom fields, notes.
 */
const buildLeads = (ctx, firstId, count, total, overrides = {}) => {
  const { rand } = ctx;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const out = { leads: [], status: [], source: [], assignee: [], tags: [], customers: [], notes: [] };
  const step = Math.floor((3 * YEAR_MS) / total);
  for (let k = 0; k < count; k++) {
    const id = firstId + k;
    const createdAt =
      overrides.createdAt ?? new Date(ctx.now - 3 * YEAR_MS + (id - ctx.firstLeadId + 1) * step);
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = `${pick(COMPANY_PARTS[0])} ${pick(COMPANY_PARTS[1])}`;
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '');
    const [city, country] = pick(CITIES);
    const statusName = overrides.status ?? weighted(rand, Object.entries(STATUS_WEIGHTS));
    const converted = statusName === 'Customer';
    const flag = rand();
    const owner = overrides.owner ?? pick(ctx.staff);
    const assignee =
      overrides.assignee !== undefined ? overrides.assignee : rand() < 0.8 ? pick(ctx.staff) : null;
    const customFields = {
      budget: Math.round(rand() * 100) * 1000,
      industry: pick(CUSTOM_FIELDS[1].options),
      ...(rand() < 0.7 ? { mobile: `+33 6 ${String(10000000 + Math.floor(rand() * 89999999))}` } : {}),
      'preferred-contact': pick(CUSTOM_FIELDS[3].options),
      ...(rand() < 0.4
        ? { 'decision-date': new Date(ctx.now + rand() * YEAR_MS).toISOString().slice(0, 10) }
        : {}),
      ...overrides.customFields,
    };
    out.leads.push({
      id,
      documentId: documentId('l', id),
      name: `${first} ${last}`,
      position: pick(POSITIONS),
      company,
      email: `${first}.${last}.${id}@${domain}.example`.toLowerCase().replace(/[\s-]+/g, ''),
      phone: `+1 555 ${String(id).padStart(7, '0')}`,
      website: `https://www.${domain}.example`,
      address: `${1 + Math.floor(rand() * 200)} Main Street`,
      city,
      state: null,
      zip: String(10000 + Math.floor(rand() * 89999)),
      country,
      description:
        rand() < 0.6
          ? `Met at a trade fair; interested in the ${pick(['starter', 'team', 'enterprise'])} plan.`
          : null,
      value: rand() < 0.8 ? Math.round(rand() * 200) * 500 : null,
      isPublic: overrides.isPublic ?? rand() < 0.3,
      contactedToday: rand() < 0.05,
      lastContactAt: rand() < 0.6 ? new Date(createdAt.getTime() + rand() * 30 * 86400000) : null,
      customFields: JSON.stringify(customFields),
      lost: !converted && flag < 0.06,
      junk: !converted && flag >= 0.06 && flag < 0.09,
      dateConverted: converted ? new Date(createdAt.getTime() + 30 * 86400000) : null,
      createdAt: createdAt,
      updatedAt: createdAt,
      publishedAt: createdAt,
      createdBy: owner,
      updatedBy: owner,
      locale: null,
    });
    out.status.push({ lead: id, target: ctx.statuses[statusName] });
    out.source.push({
      lead: id,
      target: ctx.sources[overrides.source ?? weighted(rand, Object.entries(SOURCE_WEIGHTS))],
    });
    if (assignee) out.assignee.push({ lead: id, target: assignee });
    const tagIds = [...ctx.tags];
    const tagCount = overrides.tags ?? Math.floor(rand() * 7);
    for (let t = 0; t < tagCount; t++) {
      const [tag] = tagIds.splice(Math.floor(rand() * tagIds.length), 1);
      out.tags.push({ lead: id, target: tag, order: t + 1 });
    }
    if (converted) {
      const customerId = ctx.nextCustomerId++;
      out.customers.push({
        lead: id,
        row: {
          id: customerId,
          documentId: documentId('c', customerId),
          firstName: first,
          lastName: last,
          // what the plugin stores for a customer's name (else its boot fills 200,000 one by one)
          fullName: `${first} ${last}`,
          company,
          email: `${first}.${last}.${id}@${domain}.example`.toLowerCase().replace(/[\s-]+/g, ''),
          city,
          country,
          customFields: JSON.stringify({ budget: customFields.budget, industry: customFields.industry }),
          createdAt: createdAt,
          updatedAt: createdAt,
          publishedAt: createdAt,
          createdBy: owner,
          updatedBy: owner,
          locale: null,
        },
      });
    }
    const noteCount = overrides.notes ?? (rand() < 0.1 ? 1 + Math.floor(rand() * 3) : 0);
    for (let n = 0; n < noteCount; n++) {
      const noteId = ctx.nextNoteId++;
      const at = new Date(createdAt.getTime() + (n + 1) * 3600000);
      out.notes.push({
        lead: id,
        author: overrides.owner ?? pick(ctx.staff),
        row: {
          id: noteId,
          documentId: documentId('n', noteId),
          body: `Call ${n + 1}: discussed ${pick(['pricing', 'the roadmap', 'a pilot', 'references', 'the contract'])}; next step agreed.`,
          createdAt: at,
          updatedAt: at,
          publishedAt: at,
          createdBy: null,
          updatedBy: null,
          locale: null,
        },
      });
    }
  }
  return out;
};

module.exports = {
  TAGS,
  CUSTOM_FIELDS,
  CONVERSION_FIELDS,
  random,
  buildLeads,
  documentId,
  FIRST,
  LAST,
};
