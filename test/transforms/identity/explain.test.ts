import { expect } from 'chai';
import { keyPath, type EdgeRow } from '../../../src/transforms/identity/explain.js';

const edge = (record: string, key_type: string, key_value: string, rule = 'r'): EdgeRow => {
  const [source, record_id] = record.split(':') as [string, string];
  return { source, record_id, key_type, key_value, rule };
};

describe('identity keyPath', () => {
  // a —email e— b —phone p— c —device d— e;  a —device d— e is a shortcut to e only.
  const edges = [
    edge('s:a', 'email', 'e'), edge('s:b', 'email', 'e', 'other rule'),
    edge('s:b', 'phone', 'p'), edge('s:c', 'phone', 'p'),
    edge('s:c', 'device', 'd'), edge('s:e', 'device', 'd'),
    edge('s:z', 'email', 'lonely'),
  ];

  it('finds the shortest chain of shared keys, with the rules of both sides', () => {
    const hops = keyPath(edges, 's:a', 's:c')!;
    expect(hops.map((h) => [h.from, `${h.key_type}=${h.key_value}`, h.to])).to.deep.equal([
      ['s:a', 'email=e', 's:b'],
      ['s:b', 'phone=p', 's:c'],
    ]);
    expect(hops[0]!.rules).to.deep.equal(['r', 'other rule']);
  });

  it('is empty from a record to itself and null between unlinked records', () => {
    expect(keyPath(edges, 's:a', 's:a')).to.deep.equal([]);
    expect(keyPath(edges, 's:a', 's:z')).to.equal(null);
  });
});
