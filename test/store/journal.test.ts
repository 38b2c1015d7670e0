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

  it('when a byte of the last whole line is flipped, then the journal is damaged, not torn, and the groups before it are what can be kept', () => {
    const line = Buffer.from(group('b'));
    line.writeUInt8(line.readUInt8(line.length - 5) ^ 1, line.length - 5);
    const sound = Buffer.concat([header, group('a')]);
    const contents = decodeJournal(Buffer.concat([sound, line]));
    expect(contents.problem).toMatch(/line 3 .* is whole but fails its checksum/);
    expect(contents.groups).toHaveLength(1);
    expect(contents.soundBytes).toBe(sound.length);
  });

  it('when any byte of a whole line is flipped, then it is damage, never a torn write', () => {
    const whole = Buffer.concat([header, group('a')]);
    for (let at = header.length; at < whole.length - 1; at += 1) {
      const damaged = Buffer.from(whole);
      damaged.writeUInt8(damaged.readUInt8(at) ^ 0x20, at);
      expect(decodeJournal(damaged).problem, `byte ${at}`).not.toBeNull();
    }
  });

  it('when the journal is NUL bytes, empty, or its header is damaged, then it is damaged and nothing in it can be kept', () => {
    const whole = Buffer.concat([header, group('a'), group('b')]);
    const brokenHeader = Buffer.from(whole);
    brokenHeader.writeUInt8(0x30, 0);
    for (const bytes of [Buffer.alloc(whole.length), Buffer.alloc(0), brokenHeader, group('a')]) {
      const contents = decodeJournal(bytes);
      expect(contents.problem).toMatch(/damaged|empty/);
      expect(contents.base).toBeNull();
      expect(contents.soundBytes).toBe(0);
    }
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
