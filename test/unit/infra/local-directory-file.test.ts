import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDirectoryFile } from '../../../src/infra/directory/local-directory-file';

describe('the local directory file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convene-local-directory-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('when the file changes, then the next read sees the new people; when it goes bad, the last good list stays and is said once', () => {
    const file = path.join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify([{ phone: '+919988554401', aadObjectId: 'a' }]));
    const warnings: string[] = [];
    const directory = new LocalDirectoryFile(file, (message) => warnings.push(message));
    expect(directory.current().map((e) => e.phone)).toEqual(['+919988554401']);

    writeFileSync(
      file,
      JSON.stringify([
        { phone: '+919988554401', aadObjectId: 'a' },
        { phone: '+919988554402', aadObjectId: 'b' },
      ]),
    );
    expect(directory.current().map((e) => e.phone)).toEqual(['+919988554401', '+919988554402']);

    writeFileSync(file, '[{"phone": ');
    expect(directory.current()).toHaveLength(2);
    expect(directory.current()).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the last good list stays');
  });

  test('when the file is not a list at start, then it is refused at once', () => {
    const file = path.join(dir, 'directory.json');
    writeFileSync(file, '{"phone": "+919988554401"}');
    expect(() => new LocalDirectoryFile(file)).toThrow('must hold a JSON array');
  });
});
