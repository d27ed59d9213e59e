import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from './testing/startClamd.ts';
import { clamdScanner } from './virusScanner.ts';

let clamd: TestClamd;
let folder: string;

beforeAll(async () => {
  clamd = await startClamd();
  folder = await mkdtemp(join(tmpdir(), 'guichet-scan-'));
});
afterAll(async () => {
  await clamd.close();
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content, 'latin1');
  return path;
}

describe('clamdScanner', () => {
  it('flags a file carrying the EICAR test signature, even inside a PDF', async () => {
    const scanner = clamdScanner({ socket: clamd.socket });
    expect(await scanner.scan(await file('eicar.txt', EICAR))).toEqual({
      infected: true,
      viruses: [EICAR_SIGNATURE],
    });
    const pdf = await file('avis.pdf', `%PDF-1.4\n% ${EICAR}\n%%EOF\n`);
    expect(await scanner.scan(pdf)).toMatchObject({ infected: true });
  });

  it('passes a clean file', async () => {
    const scanner = clamdScanner({ socket: clamd.socket });
    const pdf = await file(
      'propre.pdf',
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n',
    );
    expect(await scanner.scan(pdf)).toEqual({ infected: false });
  });

  it('throws, rather than answer clean, when clamd is down, and works again once it is back', async () => {
    const scanner = clamdScanner({ socket: clamd.socket }, { timeoutMs: 2_000 });
    const clean = await file('clean.txt', 'bonjour');
    await clamd.stop();
    await expect(scanner.scan(clean)).rejects.toThrow();
    await clamd.restart();
    expect(await scanner.scan(clean)).toEqual({ infected: false });
  });
});
