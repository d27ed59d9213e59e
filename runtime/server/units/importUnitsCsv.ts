import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditUnit } from './auditUnit.ts';
import { type CsvLineError, type CsvUnit, parseUnitsCsv } from './parseUnitsCsv.ts';
import type { UnitContext } from './unitContext.ts';
import { lockTree, type UnitRow, unitsOf } from './unitQueries.ts';

/**
 * Imports an organisation chart from CSV (`code`, `nom`, `code_parent`) in one
 * transaction: every line is checked first — against the file and against the tenant's
 * existing units (a code already used, a parent that is neither an existing unit nor a
 * line of the file, parents that loop) — and the file is refused as a whole, with every
 * faulty line and why in French, if one line is wrong. Nothing is half-imported.
 * A line's parent may come later in the file.
 *
 * @example
 * await importUnitsCsv(context, { csv: 'code;nom;code_parent\npole;Pôle;ccas\n' }); // ok({ created: 1 })
 */
export function importUnitsCsv(
  context: UnitContext,
  input: { csv: string },
): Promise<Result<{ created: number }, DomainError>> {
  const parsed = parseUnitsCsv(input.csv);
  if (!parsed.ok) return Promise.resolve(err(invalidCsv(parsed.error)));
  const tenantId = context.session.tenantId;
  return inTransaction<{ created: number }, DomainError>(context.db, async (tx) => {
    await lockTree(tx, tenantId);
    const existing = await unitsOf(tx, tenantId);
    const problems = checkAgainstTree(parsed.value, existing);
    if (problems.length > 0) return err(invalidCsv(problems));
    // Parents first, so each insert finds its parent's id.
    const idOf = new Map(existing.map((unit) => [unit.code, unit.id]));
    for (const unit of parentsFirst(parsed.value)) {
      const parentId = unit.parentCode === null ? null : idOf.get(unit.parentCode)!;
      const [created] = await tx
        .insert(units)
        .values(
          tenantScope(tenantId).values({
            code: unit.code,
            name: unit.name,
            parentId,
            createdAt: context.now,
          }),
        )
        .returning({ id: units.id });
      idOf.set(unit.code, created!.id);
    }
    await auditUnit(tx, context, {
      action: 'unit.imported',
      unitId: null,
      details: { created: parsed.value.length },
    });
    return ok({ created: parsed.value.length });
  });
}

export function checkAgainstTree(rows: CsvUnit[], existing: UnitRow[]): CsvLineError[] {
  const existingCodes = new Set(existing.map((unit) => unit.code));
  const archivedCodes = new Set(existing.filter((unit) => unit.archived).map((unit) => unit.code));
  const fileParent = new Map(rows.map((row) => [row.code, row.parentCode]));
  const problems: CsvLineError[] = [];
  for (const row of rows) {
    if (existingCodes.has(row.code)) {
      problems.push({ line: row.line, message: `Le code « ${row.code} » existe déjà.` });
    } else if (
      row.parentCode !== null &&
      !existingCodes.has(row.parentCode) &&
      !fileParent.has(row.parentCode)
    ) {
      problems.push({
        line: row.line,
        message: `Le service parent « ${row.parentCode} » n’existe pas (ni dans le fichier ni parmi les services).`,
      });
    } else if (row.parentCode !== null && archivedCodes.has(row.parentCode)) {
      problems.push({
        line: row.line,
        message: `Le service parent « ${row.parentCode} » est archivé.`,
      });
    } else if (loops(row.code, fileParent)) {
      problems.push({
        line: row.line,
        message: `Les parents de « ${row.code} » forment une boucle dans le fichier.`,
      });
    }
  }
  return problems;
}

/** Whether following `code_parent` from `code` through the file comes back to it. */
function loops(code: string, fileParent: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  let cursor: string | null | undefined = code;
  while (cursor != null && fileParent.has(cursor)) {
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = fileParent.get(cursor);
  }
  return false;
}

/** The file's rows ordered so that a parent from the file always comes before its children. */
function parentsFirst(rows: CsvUnit[]): CsvUnit[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const placed = new Set<string>();
  const out: CsvUnit[] = [];
  const place = (row: CsvUnit) => {
    if (placed.has(row.code)) return;
    placed.add(row.code);
    const parent = row.parentCode === null ? undefined : byCode.get(row.parentCode);
    if (parent) place(parent);
    out.push(row);
  };
  for (const row of rows) place(row);
  return out;
}

export function invalidCsv(lines: CsvLineError[]): DomainError {
  const shown = lines.slice(0, 50);
  return {
    code: 'INVALID_CSV',
    message: `Le fichier n’a pas été importé : ${lines.length} ligne(s) à corriger. ${shown
      .map((problem) => `Ligne ${problem.line} : ${problem.message}`)
      .join(' ')}`,
    details: { lines: shown },
  };
}
