/**
 * The conversion (POST /crm/leads/:id/convert) of a fresh lead with 10 custom fields and 20
 * notes each time, by its Sales Staff owner: customer, custom fields (one merged into the
 * customer's phone, nine as custom fields), the notes copied, a follow-up task, one transaction.
 */
const { expectOk } = require('../http');
const { summarize } = require('../stats');
const { conversionLeads } = require('../seed');

const measureConversion = async (ctx, options, marker) => {
  const { client, users, log } = ctx;
  const user = users.staff;
  const leads = await conversionLeads(ctx.strapi, marker, user.id, options.warmup + options.iterations);
  const times = [];
  const queries = [];
  // every SQL statement the app sends while a conversion is in flight (the app runs in this process)
  let inFlight = 0;
  const count = () => {
    if (inFlight) inFlight++;
  };
  ctx.strapi.db.connection.on('query', count);
  for (const [i, lead] of leads.entries()) {
    const [firstName, ...rest] = lead.name.split(' ');
    const body = {
      customer: { firstName, lastName: rest.join(' '), email: lead.email },
      customFields: [{ slug: 'mobile', merge: 'database', target: 'phone' }],
      transferNotes: true,
      followUpTask: { title: 'Kick-off call', dueDate: '2027-01-15', assignedTo: user.id },
      login: { enabled: false },
    };
    const label = `POST /crm/leads/:id/convert (lead ${i + 1})`;
    const token = await ctx.token(user);
    inFlight = 1;
    const res = expectOk(label, await client.post(`/crm/leads/${lead.documentId}/convert`, body, { token }));
    const sent = inFlight - 1;
    inFlight = 0;
    if (!res.body?.data?.lead?.status?.isCustomerStatus || !res.body.data.customer?.documentId) {
      throw new Error(`${label} answered ${res.status} without a converted lead and its customer`);
    }
    if (i >= options.warmup) {
      times.push(res.ms);
      queries.push(sent);
    }
  }
  ctx.strapi.db.connection.off('query', count);
  const result = {
    customFields: 10,
    notes: 20,
    transferNotes: true,
    followUpTask: true,
    portalLogin: false,
    latency: summarize(times),
    // SQL statements per conversion request, authentication and the answer's reads included
    queries: summarize(queries).p50,
  };
  log(`conversion: p50 ${result.latency.p50} ms, p95 ${result.latency.p95} ms, ${result.queries} queries`);
  return result;
};

module.exports = { measureConversion };
