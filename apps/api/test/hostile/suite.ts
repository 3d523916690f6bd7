import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { attack, validRequests } from './attack';
import { serviceRequests } from './service-requests';
import { hostileTarget } from './target';

/**
 * Bad input gets a clear error and changes nothing, on every route of the OpenAPI document: each route's
 * valid request (from the authorization cases, or the table in service-requests.ts for routes outside a
 * project) is bent into hostile variants: fields of the wrong type, too long, empty, out of range, ids and
 * keys of another project, impossible dates, whole bodies that are no object or no JSON, prototype keys,
 * bodies over 1 MiB, malformed path parameters and query strings. A variant the documented schema refuses
 * must get a 4xx in the contract's error shape (a 400 naming the field) and leave the event log and the
 * project as they were; a variant the schema allows may succeed, but never with a 5xx.
 *
 * The routes are dealt round-robin to `parts` files (hostile-input-<part>.test.ts), so the suite's slowest
 * file spreads over the workers; every part checks that every route has a valid request.
 */
export async function describeHostileInput(part: number, parts: number) {
  const target = await hostileTarget();
  afterAll(() => target.t.close());
  const h = { ...target, service: serviceRequests(target) };
  const mine = h.routes.filter((_, i) => i % parts === part - 1);

  describe(`hostile input, part ${part} of ${parts}`, () => {
    it('has a valid request for every route of the OpenAPI document, and a file for every part', () => {
      expect(h.routes.filter((route) => validRequests(h, route).length === 0)).toEqual([]);
      const files = readdirSync(new URL('../', import.meta.url)).filter((f) =>
        /^hostile-input-\d+\.test\.ts$/.test(f),
      );
      expect(files.sort()).toEqual(Array.from({ length: parts }, (_, i) => `hostile-input-${i + 1}.test.ts`));
    });

    for (const route of mine) {
      // Hundreds of requests one after another on the busiest routes: bounded, but not by the usual minute.
      it(`${route} refuses bad input with a clear error and changes nothing`, async () => {
        expect(await attack(h, route)).toEqual([]);
      }, 180_000);
    }
  });
}
