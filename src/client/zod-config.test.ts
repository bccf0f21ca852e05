import { afterEach, describe, expect, it } from 'vitest';

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe('zod-config', () => {
  it('keeps zod from probing eval, though zod is loaded after it and never configured directly', async () => {
    let evalProbes = 0;
    // Counts what the CSP would block: zod's JIT probe calls the Function constructor.
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args: string[]) {
        evalProbes += 1;
        return Reflect.construct(target, args) as object;
      },
      apply(target, thisArg, args: string[]) {
        evalProbes += 1;
        return Reflect.apply(target, thisArg, args) as unknown;
      },
    });
    await import('./zod-config.ts');
    const { z } = await import('zod');
    const schema = z.object({ token: z.string(), user: z.object({ id: z.string() }) });
    expect(schema.parse({ token: 't', user: { id: 'u' } })).toEqual({ token: 't', user: { id: 'u' } });
    expect(evalProbes).toBe(0);
    expect(z.config().jitless).toBe(true);
  });
});
