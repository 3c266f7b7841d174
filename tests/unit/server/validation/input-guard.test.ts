/** Issue 13: the route middleware that refuses what no route accepts, before any controller. */
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import inputGuard from '../../../../server/src/middlewares/input-guard';
import { isConnectionError } from '../../../../server/src/middlewares/request-errors';
import { idProblem, inputProblems, MAX_DEPTH } from '../../../../server/src/validation/input';

describe('idProblem', () => {
  it.each(['abcdefghijklmnopqrstuvwx', 'doesnotexist', 'nope', '42', '2147483647'])('accepts %p', (id) => {
    expect(idProblem(id)).toBeUndefined();
  });

  it.each(['a\u0000b', '', 'x'.repeat(65), '2147483648', '99999999999999999999', '-1', '1.5', '../x', 'é'])(
    'refuses %p',
    (id) => {
      expect(idProblem(id)).toBe('is not a valid id');
    }
  );
});

describe('inputProblems', () => {
  it('accepts ordinary input', () => {
    expect(
      inputProblems({ name: 'Ada', tags: ['a', 'b'], customFields: { n: 1, ok: true, none: null } })
    ).toEqual([]);
  });

  it('names the path of each NUL character, in values and keys', () => {
    expect(inputProblems({ name: 'a\u0000', list: ['ok', 'b\u0000'], 'k\u0000': 1 })).toEqual(
      expect.arrayContaining([
        { path: ['name'], message: 'must not contain a NUL character' },
        { path: ['list', '1'], message: 'must not contain a NUL character' },
        { path: ['k\\u0000'], message: 'must not contain a NUL character' },
      ])
    );
  });

  it('refuses nesting deeper than the limit, without recursing', () => {
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(inputProblems(ok)).toEqual([]);
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [problem] = inputProblems(deep);
    expect(problem.message).toMatch(/nested deeper than/);
    expect(problem.path).toHaveLength(MAX_DEPTH);
  });

  it('prefixes paths with the given root', () => {
    expect(inputProblems({ a: '\u0000' }, ['files'])).toEqual([
      { path: ['files', 'a'], message: 'must not contain a NUL character' },
    ]);
  });
});

describe('input-guard', () => {
  const strapi = {
    getModel: (uid: string) =>
      uid === 'plugin::crm.lead'
        ? { attributes: { name: { type: 'string' }, value: { type: 'decimal' } } }
        : undefined,
  };
  const guard = (config = {}) => inputGuard(config, { strapi: strapi as never });
  const ctx = (over: Partial<Record<string, unknown>> = {}) =>
    ({
      params: { id: 'abc' },
      query: {},
      request: { body: {} },
      state: { route: { path: '/leads/:id' } },
      set: jest.fn(),
      ...over,
    }) as unknown as Context;

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(errors.ValidationError);
    return (error as { details: { errors: { path: string[] }[] } }).details.errors.map(
      (e: { path: string[] }) => e.path.join('.')
    );
  };

  it('lets a clean request through to the controller', async () => {
    const next = jest.fn().mockResolvedValue(undefined);
    await guard()(ctx({ params: { id: 'abcdefghijklmnopqrstuvwx' } }), next);
    expect(next).toHaveBeenCalled();
  });

  it("refuses a bad id of the route's own params only", async () => {
    const next = jest.fn();
    expect(await refusal(guard()(ctx({ params: { id: 'a\u0000' } }), next))).toEqual(['id']);
    await guard()(ctx({ params: { id: 'abc', 0: '/x/y\u0000' } }), next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('refuses NUL in the query, the body and an uploaded file name', async () => {
    const next = jest.fn();
    const paths = await refusal(
      guard()(
        ctx({
          params: { id: 'abc' },
          query: { q: '\u0000' },
          request: { body: { name: 'x\u0000' }, files: { files: [{ originalFilename: 'a\u0000.txt' }] } },
        }),
        next
      )
    );
    expect(paths).toEqual(expect.arrayContaining(['q', 'name', 'files.files.0.0']));
    expect(next).not.toHaveBeenCalled();
  });

  it('checks filters against the configured model', async () => {
    const next = jest.fn();
    const paths = await refusal(
      guard({ filters: 'plugin::crm.lead' })(ctx({ query: { filters: { value: { $gt: 'abc' } } } }), next)
    );
    expect(paths).toEqual(['filters.value.$gt']);
    await guard()(ctx({ query: { filters: { value: { $gt: 'abc' } } } }), next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('turns a lost database connection into a 503 with Retry-After', async () => {
    const context = ctx({ params: { id: 'abc' } });
    const lost = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const error = await guard()(context, jest.fn().mockRejectedValue(lost)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, expose: true });
    expect(context.set).toHaveBeenCalledWith('Retry-After', expect.stringMatching(/^\d+$/));
    const other = new Error('boom');
    await expect(guard()(ctx(), jest.fn().mockRejectedValue(other))).rejects.toBe(other);
  });
});

describe('isConnectionError', () => {
  it.each([
    Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('x'), { code: '57P01' }),
    Object.assign(new Error('x'), { code: '08006' }),
    Object.assign(new Error('x'), { code: 'PROTOCOL_CONNECTION_LOST' }),
    Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
    new Error('Connection terminated unexpectedly'),
    new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
  ])('recognises %p', (error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    new Error('duplicate key'),
    Object.assign(new Error('x'), { code: '23505' }),
    'ECONNREFUSED',
    null,
  ])('leaves %p alone', (error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

describe('keys of Object.prototype', () => {
  it('are refused wherever they appear (yup answered 500 for them)', () => {
    const { inputProblems } = jest.requireActual('../../../../server/src/validation/input');
    expect(inputProblems({ customFields: { constructor: 'x' } })).toEqual([
      { path: ['customFields', 'constructor'], message: 'is not an accepted key' },
    ]);
    expect(inputProblems({ consent: { hasOwnProperty: 1 } })[0].path).toEqual(['consent', 'hasOwnProperty']);
    expect(inputProblems({ name: 'constructor' })).toEqual([]);
  });
});
