/**
 * The measured rounds of a list figure, shared by the list and the board: each round takes one
 * request of each side in rotating order, so that caches and background load favour no side.
 * Beside the sides runs Strapi's floor: an authenticated `GET /admin/users/me` by the same user —
 * Strapi's session, user, roles and permissions reads and its HTTP layers, no plugin code — which
 * every admin request pays before the plugin's first query. `(plugin − floor) ÷ bare SQL` is then
 * what the plugin's own part of a request costs against the hand-written SQL.
 */
const { expectOk } = require('../http');
const { summarize, ratio } = require('../stats');

const measureRounds = async (ctx, options, token, sides) => {
  const all = {
    ...sides,
    floor: async () => expectOk('GET /admin/users/me', await ctx.client.get('/admin/users/me', { token })).ms,
  };
  const names = Object.keys(all);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < options.warmup + options.iterations; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const ms = await all[name]();
      if (round >= options.warmup) times[name].push(ms);
    }
  }
  const result = Object.fromEntries(names.map((name) => [name, summarize(times[name])]));
  return {
    ...result,
    pluginVsContentManager: ratio(result.plugin, result.contentManager),
    pluginVsSql: ratio(result.plugin, result.sql),
    pluginAboveFloorVsSql:
      Math.round((Math.max(0, result.plugin.p50 - result.floor.p50) / result.sql.p50) * 100) / 100,
  };
};

module.exports = { measureRounds };
