import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { seedTenant } from '../testing/seedTenant.ts';

// An agent's saved views (docs/SECURITY.md §75) and the CSV export of a queue (§73, §74).

const api = useDossierApi();

describe('queues.views', () => {
  it('saves, lists and deletes an agent’s own views; a colleague sees and deletes none of them', async () => {
    const { agent, server, world } = api();
    const saved = await agent.trpc.queues.views.save.mutate({
      name: '  Mes urgents ',
      search: '?seulement=mine&priorite=urgent',
    });
    expect(saved).toMatchObject({ name: 'Mes urgents', search: '?seulement=mine&priorite=urgent' });
    expect(await agent.trpc.queues.views.list.query()).toEqual([saved]);

    const taken = await rejection(
      agent.trpc.queues.views.save.mutate({ name: 'Mes urgents', search: '' }),
    );
    expect(taken).toMatchObject({ domainCode: 'CONFLICT' });

    const supervisor = await server.signIn(world, 'supervisor');
    expect(await supervisor.trpc.queues.views.list.query()).toEqual([]);
    const foreign = await rejection(supervisor.trpc.queues.views.remove.mutate({ id: saved.id }));
    const random = await rejection(
      supervisor.trpc.queues.views.remove.mutate({ id: randomUUID() }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect({ ...foreign, message: foreign.message }).toEqual(random);
    // The same name is the supervisor's own to use.
    await supervisor.trpc.queues.views.save.mutate({ name: 'Mes urgents', search: '' });

    await agent.trpc.queues.views.remove.mutate({ id: saved.id });
    expect(await agent.trpc.queues.views.list.query()).toEqual([]);
  });

  it('keeps another tenant’s agents out, and refuses what is not a query string', async () => {
    const { agent, server } = api();
    const saved = await agent.trpc.queues.views.save.mutate({
      name: 'À moi',
      search: '?seulement=mine',
    });
    const other = await seedTenant(server.database.db);
    const outsider = await server.signIn(other, 'admin');
    expect(await outsider.trpc.queues.views.list.query()).toEqual([]);
    expect((await rejection(outsider.trpc.queues.views.remove.mutate({ id: saved.id }))).code).toBe(
      'NOT_FOUND',
    );
    const bad = await rejection(
      agent.trpc.queues.views.save.mutate({ name: 'x', search: 'javascript:alert(1)' }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    const smuggled = await rejection(
      agent.trpc.queues.views.save.mutate({
        name: 'y',
        search: '',
        userId: randomUUID(),
      } as never),
    );
    expect(smuggled.code).toBe('BAD_REQUEST');
    expect((await api().citizen.fetch('/trpc/queues.views.list')).status).toBe(403);
  });
});

/** Splits the export into rows of cells (quoted cells with `;` or `""` inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

const exportPath = (filters: Record<string, unknown>) =>
  `/api/queues/export.csv?filtres=${encodeURIComponent(JSON.stringify(filters))}`;

describe('GET /api/queues/export.csv', () => {
  it('streams the filtered queue as Excel-ready CSV, formula-safe, only what the agent sees', async () => {
    const { agent, server, world } = api();
    const db = server.database.db;
    await db
      .update(users)
      .set({ displayName: '=HYPERLINK("http://evil.example";"clic")' })
      .where(and(eq(users.tenantId, world.tenantId), eq(users.id, world.accounts.citizen.id)));
    const dossiers = await Promise.all([1, 2, 3].map(() => api().submittedDossier()));
    const filters = { states: ['depose'], sort: 'createdAt' as const };

    const response = await agent.fetch(exportPath(filters));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="dossiers-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Référence',
      'Démarche',
      'État',
      'Demandeur',
      'Service',
      'Agent en charge',
      'Priorité',
      'Échéance',
      'En retard',
      'Créé le',
      'Modifié le',
    ]);
    // Exactly the rows of the agent's own queue with the same filters, in its order.
    const listed = [];
    let cursor: string | undefined;
    do {
      const page = await agent.trpc.queues.list.query({ ...filters, limit: 100, cursor });
      listed.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(rows.map((row) => row[0])).toEqual(listed.map((item) => item.reference));
    for (const dossier of dossiers) {
      expect(rows.map((row) => row[0])).toContain(dossier.reference);
    }
    const mine = rows.find((row) => row[0] === dossiers[0]!.reference)!;
    expect(mine[1]).toBe(listed[0]!.demarcheTitle);
    expect(mine[3]).toBe('\'=HYPERLINK("http://evil.example";"clic")');

    const audit = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.action, 'queue.export')));
    expect(audit.at(-1)?.details).toMatchObject({ rows: rows.length });

    // An agent of another unit exports none of these.
    const mairie = await server.signIn(world, 'agentMairie');
    const theirs = parseCsv(
      new TextDecoder().decode(
        (await (await mairie.fetch(exportPath(filters))).arrayBuffer()).slice(3),
      ),
    );
    for (const dossier of dossiers) {
      expect(theirs.map((row) => row[0])).not.toContain(dossier.reference);
    }
  });

  it('refuses citizens, anonymous callers, unknown keys and other methods', async () => {
    const { agent, citizen, server } = api();
    expect((await citizen.fetch(exportPath({}))).status).toBe(403);
    expect((await fetch(new URL(exportPath({}), server.url))).status).toBe(401);
    const smuggled = await agent.fetch(exportPath({ tenantId: randomUUID() }));
    expect(smuggled.status).toBe(400);
    expect((await agent.fetch(`/api/queues/export.csv?filtres=%7Bnot-json`)).status).toBe(400);
    expect((await agent.fetch(exportPath({}), { method: 'POST' })).status).toBe(405);
  });
});
