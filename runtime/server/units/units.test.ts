import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/index.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

// The organisation tree through the API, as a tenant's admin runs it (PGlite, or
// PostgreSQL as guichet_app when DATABASE_URL is set).

let server: DossierServer;
let tenant: SeededTenant;
let other: SeededTenant;
let admin: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  other = await seedTenant(server.database.db);
  admin = await server.signIn(tenant, 'admin');
});
afterAll(() => server.close());

async function codesOf(tenantId: string): Promise<string[]> {
  const rows = await server.database.db
    .select({ code: units.code })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  return rows.map((row) => row.code).sort();
}

describe('units', () => {
  it('lists the tree depth-first with depth and path', async () => {
    const tree = await admin.trpc.units.tree.query({});
    const familles = tree.find((unit) => unit.code === 'ccas-familles');
    expect(familles).toMatchObject({ depth: 1, path: ['ccas', 'ccas-familles'] });
    const ccasAt = tree.findIndex((unit) => unit.code === 'ccas');
    expect(tree[ccasAt + 1]?.code).toBe('ccas-familles');
  });

  it('creates, renames and moves a unit, each audited', async () => {
    const created = await admin.trpc.units.create.mutate({
      code: 'ccas-seniors',
      name: 'Pôle seniors',
      parentId: tenant.unitIds.ccas,
    });
    expect(created).toMatchObject({ code: 'ccas-seniors', parentId: tenant.unitIds.ccas });
    const renamed = await admin.trpc.units.rename.mutate({ id: created.id, name: 'Pôle âge' });
    expect(renamed.name).toBe('Pôle âge');
    const moved = await admin.trpc.units.move.mutate({
      id: created.id,
      parentId: tenant.unitIds.mairie,
    });
    expect(moved.parentId).toBe(tenant.unitIds.mairie);
    const audit = await server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.object, `unit:${created.id}`)),
      );
    expect(audit.map((row) => row.action)).toEqual(['unit.created', 'unit.renamed', 'unit.moved']);
  });

  it('refuses a code already used, in French', async () => {
    const refused = await rejection(
      admin.trpc.units.create.mutate({ code: 'ccas', name: 'Doublon', parentId: null }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', domainCode: 'UNIT_CODE_TAKEN' });
    expect(refused.message).toContain('déjà utilisé');
  });

  it('refuses a move under itself or under one of its descendants', async () => {
    for (const parentId of [tenant.unitIds.ccas, tenant.unitIds['ccas-familles']]) {
      const refused = await rejection(
        admin.trpc.units.move.mutate({ id: tenant.unitIds.ccas, parentId }),
      );
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'UNIT_CYCLE' });
      expect(refused.message).toContain('sous lui-même');
    }
    const tree = await admin.trpc.units.tree.query({});
    expect(tree.find((unit) => unit.code === 'ccas')?.parentId).toBeNull();
  });

  it('never lets two concurrent moves make a cycle together: one is refused', async () => {
    const a = await admin.trpc.units.create.mutate({ code: 'race-a', name: 'A', parentId: null });
    const b = await admin.trpc.units.create.mutate({ code: 'race-b', name: 'B', parentId: null });
    const secondAdmin = await server.signIn(tenant, 'admin');
    const outcomes = await Promise.allSettled([
      admin.trpc.units.move.mutate({ id: a.id, parentId: b.id }),
      secondAdmin.trpc.units.move.mutate({ id: b.id, parentId: a.id }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = await rejection(
      Promise.reject(
        (outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason,
      ),
    );
    expect(refused.domainCode).toBe('UNIT_CYCLE');
    const tree = await admin.trpc.units.tree.query({});
    expect(
      tree
        .filter((unit) => unit.code.startsWith('race-'))
        .map((unit) => unit.depth)
        .sort(),
    ).toEqual([0, 1]);
  });

  it('refuses another tenant’s unit as parent, as a unit that exists nowhere', async () => {
    const foreign = await rejection(
      admin.trpc.units.move.mutate({
        id: tenant.unitIds.mairie,
        parentId: other.unitIds.ccas,
      }),
    );
    const nowhere = await rejection(
      admin.trpc.units.move.mutate({
        id: tenant.unitIds.mairie,
        parentId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign).toEqual(nowhere);
    const created = await rejection(
      admin.trpc.units.create.mutate({ code: 'x', name: 'X', parentId: other.unitIds.ccas }),
    );
    expect(created.code).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    const agent = await server.signIn(tenant, 'agent');
    expect((await rejection(agent.trpc.units.tree.query({}))).code).toBe('FORBIDDEN');
  });
});

describe('units CSV import', () => {
  it('imports a whole chart in one go, parents later in the file included (; or ,)', async () => {
    const csv = [
      'code;nom;code_parent',
      'dgs-rh-paie;Paie;dgs-rh',
      'dgs;Direction générale des services;',
      'dgs-rh;Ressources humaines;dgs',
      'ccas-logement;Logement;ccas',
    ].join('\r\n');
    expect(await admin.trpc.units.importCsv.mutate({ csv })).toEqual({ created: 4 });
    const tree = await admin.trpc.units.tree.query({});
    expect(tree.find((unit) => unit.code === 'dgs-rh-paie')?.path).toEqual([
      'dgs',
      'dgs-rh',
      'dgs-rh-paie',
    ]);
    const comma = '\uFEFFCode,Nom,Code_Parent\n"svc-1","Service, un",\n';
    expect(await admin.trpc.units.importCsv.mutate({ csv: comma })).toEqual({ created: 1 });
  });

  it('refuses the whole file with every faulty line in French, nothing imported', async () => {
    const before = await codesOf(tenant.tenantId);
    const csv = [
      'code;nom;code_parent',
      'ok-1;Service correct;',
      'ccas;Déjà là;',
      ';Sans code;',
      'sans-nom;;',
      'orphelin;Orphelin;inconnu',
      'boucle-a;A;boucle-b',
      'boucle-b;B;boucle-a',
      'ok-1;Doublon;',
      'mauvais code;Espace;',
    ].join('\n');
    const refused = await rejection(admin.trpc.units.importCsv.mutate({ csv }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_CSV' });
    const lines = refused.details?.['lines'] as Array<{ line: number; message: string }>;
    // The file's own problems come first; the database is only asked once they are fixed.
    expect(lines.map((problem) => problem.line)).toEqual([4, 5, 9, 10]);
    expect(lines[0]!.message).toBe('Le code est vide.');
    expect(lines[2]!.message).toContain('figure déjà ligne 2');
    expect(await codesOf(tenant.tenantId)).toEqual(before);

    const againstTree = [
      'code;nom;code_parent',
      'ccas;Déjà là;',
      'orphelin;O;inconnu',
      'boucle-a;A;boucle-b',
      'boucle-b;B;boucle-a',
      'bon;Bon;ccas',
    ].join('\n');
    const second = await rejection(admin.trpc.units.importCsv.mutate({ csv: againstTree }));
    const messages = (
      (second.details?.['lines'] ?? []) as Array<{ line: number; message: string }>
    ).map((problem) => `${problem.line}: ${problem.message}`);
    expect(messages).toEqual([
      '2: Le code « ccas » existe déjà.',
      '3: Le service parent « inconnu » n’existe pas (ni dans le fichier ni parmi les services).',
      '4: Les parents de « boucle-a » forment une boucle dans le fichier.',
      '5: Les parents de « boucle-b » forment une boucle dans le fichier.',
    ]);
    expect(second.message).toContain('Ligne 2 : Le code « ccas » existe déjà.');
    expect(await codesOf(tenant.tenantId)).toEqual(before);
  });

  it('names a missing column and an unreadable file', async () => {
    const header = await rejection(admin.trpc.units.importCsv.mutate({ csv: 'code;name\na;b\n' }));
    expect(header.message).toContain('nom, code_parent');
    const quote = await rejection(
      admin.trpc.units.importCsv.mutate({ csv: 'code;nom;code_parent\n"a;b;\n' }),
    );
    expect(quote.domainCode).toBe('INVALID_CSV');
  });
});

describe('units archive (docs/SECURITY.md §81)', () => {
  it('archives a leaf, keeps it in the tree, refuses new children under it, restores it', async () => {
    const parent = await admin.trpc.units.create.mutate({
      code: 'archive-parent',
      name: 'Ancien pôle',
      parentId: null,
    });
    const child = await admin.trpc.units.create.mutate({
      code: 'archive-child',
      name: 'Ancienne équipe',
      parentId: parent.id,
    });
    const refused = await rejection(
      admin.trpc.units.setArchived.mutate({ id: parent.id, archived: true }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', domainCode: 'UNIT_HAS_ACTIVE_CHILDREN' });
    expect(refused.message).toContain('archive-child');

    expect(
      await admin.trpc.units.setArchived.mutate({ id: child.id, archived: true }),
    ).toMatchObject({ code: 'archive-child', archived: true });
    await admin.trpc.units.setArchived.mutate({ id: parent.id, archived: true });
    const tree = await admin.trpc.units.tree.query({});
    expect(tree.filter((unit) => unit.code.startsWith('archive-'))).toMatchObject([
      { code: 'archive-parent', archived: true, depth: 0 },
      { code: 'archive-child', archived: true, depth: 1 },
    ]);

    // One at a time: a refusal left waiting would be an unhandled rejection.
    for (const attempt of [
      () => admin.trpc.units.create.mutate({ code: 'archive-new', name: 'N', parentId: parent.id }),
      () => admin.trpc.units.move.mutate({ id: tenant.unitIds.mairie, parentId: parent.id }),
      () =>
        admin.trpc.units.importCsv.mutate({
          csv: 'code;nom;code_parent\narchive-csv;C;archive-parent\n',
        }),
    ]) {
      const under = await rejection(attempt());
      expect(under.code).toBe('BAD_REQUEST');
      expect(under.message).toContain('archivé');
    }

    await admin.trpc.units.setArchived.mutate({ id: parent.id, archived: false });
    expect(
      await admin.trpc.units.create.mutate({ code: 'archive-new', name: 'N', parentId: parent.id }),
    ).toMatchObject({ archived: false });
    const audit = await server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.object, `unit:${parent.id}`)));
    expect(audit.map((row) => row.action)).toEqual([
      'unit.created',
      'unit.archived',
      'unit.restored',
    ]);
  });

  it('answers another tenant’s unit as one that exists nowhere', async () => {
    const foreign = await rejection(
      admin.trpc.units.setArchived.mutate({ id: other.unitIds.ccas, archived: true }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(await codesOf(other.tenantId)).toContain('ccas');
  });
});

describe('units named by published démarches (docs/SECURITY.md §116)', () => {
  it('lists the published démarches that name a unit, before it is archived', async () => {
    const uses = await admin.trpc.units.publishedUses.query({
      id: tenant.unitIds['ccas-familles'],
    });
    expect(uses).toEqual([
      {
        demarcheId: tenant.demarche.id,
        title: expect.any(String),
        slug: 'aide-sociale',
        versions: [1],
      },
    ]);
    // `mairie` appears in no definition; another tenant's unit exists nowhere.
    expect(await admin.trpc.units.publishedUses.query({ id: tenant.unitIds.mairie })).toEqual([]);
    const foreign = await rejection(
      admin.trpc.units.publishedUses.query({ id: other.unitIds.ccas }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
  });
});

describe('units CSV preview (docs/SECURITY.md §82)', () => {
  it('shows each line and every problem, as the import would, and writes nothing', async () => {
    const before = await codesOf(tenant.tenantId);
    const good = await admin.trpc.units.previewCsv.mutate({
      csv: 'code;nom;code_parent\napercu-b;B;apercu-a\napercu-a;A;ccas\n',
    });
    expect(good).toEqual({
      rows: [
        { line: 2, code: 'apercu-b', name: 'B', parentCode: 'apercu-a' },
        { line: 3, code: 'apercu-a', name: 'A', parentCode: 'ccas' },
      ],
      problems: [],
    });
    const bad = await admin.trpc.units.previewCsv.mutate({
      csv: 'code;nom;code_parent\nccas;Déjà là;\nneuf;Neuf;inconnu\n',
    });
    expect(bad.problems).toEqual([
      { line: 2, message: 'Le code « ccas » existe déjà.' },
      {
        line: 3,
        message:
          'Le service parent « inconnu » n’existe pas (ni dans le fichier ni parmi les services).',
      },
    ]);
    const unreadable = await admin.trpc.units.previewCsv.mutate({ csv: 'nom\nA\n' });
    expect(unreadable.rows).toEqual([]);
    expect(unreadable.problems[0]?.message).toContain('Colonne(s) manquante(s)');
    expect(await codesOf(tenant.tenantId)).toEqual(before);
  });
});
