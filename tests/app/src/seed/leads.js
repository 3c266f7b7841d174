/** ~50 demo leads across statuses, sources, staff, public/private, with tags and custom fields. */

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Tim',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Edsger',
  'Hedy',
  'John',
  'Sophie',
  'Donald',
  'Annie',
  'Niklaus',
  'Mary Ann',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Lamarr',
  'Backus',
  'Wilson',
  'Knuth',
  'Easley',
  'Wirth',
  'de la Cruz',
];
const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Logistics',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
  'Wonka Confectionery',
  'Tyrell Systems',
  'Cyberdyne',
];
const CITIES = [
  ['Paris', 'France'],
  ['Berlin', 'Germany'],
  ['London', 'United Kingdom'],
  ['Madrid', 'Spain'],
  ['New York', 'United States'],
  ['Toronto', 'Canada'],
  ['Lyon', 'France'],
  ['Milan', 'Italy'],
];
const POSITIONS = [
  'CEO',
  'CTO',
  'Head of Sales',
  'Procurement Manager',
  'Operations Director',
  'Founder',
  'IT Manager',
];
const TAGS = ['vip', 'newsletter', 'hot', 'enterprise', 'smb'];

const CUSTOM_FIELDS = [
  { name: 'Budget', slug: 'budget', type: 'number', order: 1 },
  {
    name: 'Industry',
    slug: 'industry',
    type: 'select',
    options: ['Retail', 'Energy', 'Healthcare', 'Software', 'Logistics'],
    order: 2,
  },
  { name: 'Mobile', slug: 'mobile', type: 'text', personal: true, order: 3 },
  {
    name: 'Preferred contact',
    slug: 'preferred-contact',
    type: 'select',
    options: ['Email', 'Phone'],
    order: 4,
  },
  { name: 'Decision date', slug: 'decision-date', type: 'date', order: 5 },
];

/** A small deterministic generator, so every demo has the same leads. */
const random = (seed) => () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};

const seedLeads = async (strapi, staff, count = 50) => {
  if ((await strapi.db.query('plugin::crm.lead').count()) > 0) return 0;
  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];

  for (const field of CUSTOM_FIELDS) {
    const exists = await strapi.db
      .query('plugin::crm.custom-field')
      .findOne({ where: { slug: field.slug, target: 'lead' } });
    if (!exists)
      await strapi.documents('plugin::crm.custom-field').create({ data: { ...field, target: 'lead' } });
  }
  const tags = [];
  for (const name of TAGS) {
    const existing = await strapi.db.query('plugin::crm.tag').findOne({ where: { name } });
    tags.push(existing ?? (await strapi.documents('plugin::crm.tag').create({ data: { name } })));
  }
  const statuses = await strapi.db
    .query('plugin::crm.lead-status')
    .findMany({ where: { isCustomerStatus: false } });
  const sources = await strapi.db.query('plugin::crm.lead-source').findMany();
  const sales = staff.filter((s) => s.role !== 'Super Admin');

  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const company = pick(COMPANIES);
    const [city, country] = pick(CITIES);
    const owner = pick(sales);
    const assignee = rand() < 0.2 ? null : pick(sales);
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '');
    await strapi.documents('plugin::crm.lead').create({
      data: {
        name: `${first} ${last}`,
        company,
        position: pick(POSITIONS),
        email: `${first.toLowerCase().replace(/\s+/g, '.')}.${last.toLowerCase().replace(/[^a-z]+/g, '')}@${domain}.example`,
        phone: `+33 1 ${String(10 + i).padStart(2, '0')} ${String(Math.floor(rand() * 90) + 10)} ${String(Math.floor(rand() * 90) + 10)}`,
        website: `https://www.${domain}.example`,
        city,
        country,
        value: Math.round(rand() * 50) * 500,
        description: `Met at a trade fair; interested in the ${pick(['starter', 'team', 'enterprise'])} plan.`,
        leadStatus: pick(statuses).documentId,
        source: pick(sources).documentId,
        assignedTo: assignee ? assignee.id : null,
        isPublic: rand() < 0.3,
        lost: i % 17 === 16,
        junk: i % 23 === 22,
        contactedToday: rand() < 0.1,
        lastContactAt: rand() < 0.6 ? new Date(Date.now() - Math.floor(rand() * 30) * 86400000) : null,
        tags: tags.filter(() => rand() < 0.35).map((t) => t.documentId),
        customFields: {
          budget: Math.round(rand() * 100) * 1000,
          industry: pick(CUSTOM_FIELDS[1].options),
          ...(rand() < 0.7 ? { mobile: `+33 6 ${String(Math.floor(rand() * 90000000) + 10000000)}` } : {}),
          'preferred-contact': pick(CUSTOM_FIELDS[3].options),
        },
        createdBy: owner.id,
        updatedBy: owner.id,
      },
    });
  }
  return count;
};

module.exports = { seedLeads };
