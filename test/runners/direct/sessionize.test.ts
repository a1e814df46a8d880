import { expect } from 'chai';
import { runDirect, type Row } from '../../../src/runners/direct/index.js';
import { pipeline, source, t } from '../../../src/sdk/index.js';

const clicks = source('clicks', { user: t.string().nullable(), at: t.timestamp() });
const at = (s: number) => new Date(s * 1000);

function run(input: Row[], gapSeconds = 60): Row[] {
  const p = pipeline('s', (p) => {
    p.write(p.read(clicks).sessionize({ key: (r) => r.user, time: (r) => r.at, gapSeconds }), { name: 'out' });
  });
  return runDirect([p], { sources: { clicks: input } }).models.out!;
}

describe('direct runner: sessionize', () => {
  it('splits per key where the gap exceeds gapSeconds (a gap of exactly gapSeconds stays); rows keep input order', () => {
    const out = run([
      { user: 'u', at: at(1000) },
      { user: 'u', at: at(1060) }, // gap 60 = gap: same session
      { user: 'v', at: at(1030) },
      { user: 'u', at: at(1121) }, // gap 61 > 60: new session
      { user: 'u', at: at(940.5) }, // before 1000 by 59.5s: first of the first session
    ]);
    expect(out).to.deep.equal([
      { user: 'u', at: at(1000), session_id: 'u-940', session_start: at(940.5), session_end: at(1060), session_index: 1 },
      { user: 'u', at: at(1060), session_id: 'u-940', session_start: at(940.5), session_end: at(1060), session_index: 2 },
      { user: 'v', at: at(1030), session_id: 'v-1030', session_start: at(1030), session_end: at(1030), session_index: 0 },
      { user: 'u', at: at(1121), session_id: 'u-1121', session_start: at(1121), session_end: at(1121), session_index: 0 },
      { user: 'u', at: at(940.5), session_id: 'u-940', session_start: at(940.5), session_end: at(1060), session_index: 0 },
    ]);
  });

  it('measures the gap exactly, not in whole seconds', () => {
    const out = run([{ user: 'u', at: at(0) }, { user: 'u', at: at(60.001) }]);
    expect(out.map((r) => r.session_id)).to.deep.equal(['u-0', 'u-60']);
  });

  it('puts rows with a NULL key in sessions together, with ids starting `null-`', () => {
    const out = run([{ user: null, at: at(10) }, { user: null, at: at(20) }, { user: 'null', at: at(15) }]);
    expect(out.map((r) => [r.session_id, r.session_index])).to.deep.equal([
      ['null-10', 0],
      ['null-10', 1],
      ['null-15', 0],
    ]);
  });

  it('handles empty input', () => {
    expect(run([])).to.deep.equal([]);
  });
});
