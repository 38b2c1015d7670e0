import { describe, expect, it } from 'vitest';
import { decodeJournal, encodeLine } from '../../src/store/journal.js';

const header = encodeLine({ journal: 1, base: { checksum: 7, bytes: 100 } });
const group = (id: string) => encodeLine({ n: 1, c: [{ k: 'claims', u: [{ id }], d: [] }] });

describe('decodeJournal', () => {
  it('when every line is whole, then every group is read', () => {
    const contents = decodeJournal(Buffer.concat([header, group('a'), group('b')]));
    expect(contents.base).toEqual({ checksum: 7, bytes: 100 });
    expect(contents.groups).toHaveLength(2);
    expect(contents.tornBytes).toBe(0);
    expect(contents.problem).toBeNull();
  });

  it('when the last line was cut short at any byte, then the whole groups before it are kept and the rest is dropped', () => {
    const last = group('torn');
    for (let cut = 1; cut < last.length; cut += 1) {
      const contents = decodeJournal(Buffer.concat([header, group('a'), last.subarray(0, cut)]));
      expect(contents.groups).toHaveLength(1);
      expect(contents.tornBytes).toBe(cut);
      expect(contents.problem).toBeNull();
    }
  });

  it('when a byte of a line is flipped, then the checksum catches it', () => {
    const line = Buffer.from(group('a'));
    line.writeUInt8(line.readUInt8(line.length - 5) ^ 1, line.length - 5);
    const contents = decodeJournal(Buffer.concat([header, line]));
    expect(contents.groups).toHaveLength(0);
    expect(contents.tornBytes).toBe(line.length);
  });

  it('when a damaged line is followed by whole ones, then the journal is reported as damaged, not torn', () => {
    const line = Buffer.from(group('a'));
    line.writeUInt8(line.readUInt8(line.length - 5) ^ 1, line.length - 5);
    expect(decodeJournal(Buffer.concat([header, line, group('b')])).problem).toContain('damaged');
  });

  it('when the file ends in zeros, as after a power cut, then they are dropped as a torn tail', () => {
    const contents = decodeJournal(Buffer.concat([header, group('a'), Buffer.alloc(4096)]));
    expect(contents.groups).toHaveLength(1);
    expect(contents.tornBytes).toBe(4096);
  });
});
