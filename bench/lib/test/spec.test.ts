import { expect } from 'chai';
import { recipes } from '../synthetic/recipes.js';
import { maxDepth, sourceCount, syntheticProject } from '../synthetic/spec.js';

describe('bench: synthetic project spec', () => {
  it('is deterministic for a size', () => {
    expect(syntheticProject(100)).to.deep.equal(syntheticProject(100));
    expect(syntheticProject(100, 1)).to.not.deep.equal(syntheticProject(100, 2));
  });

  it('has exactly the requested number of uniquely named models', () => {
    for (const size of [2, 10, 1000]) {
      const project = syntheticProject(size);
      expect(project.models).to.have.length(size);
      expect(new Set(project.models.map((m) => m.name)).size).to.equal(size);
    }
  });

  it('stages every source once, then only reads earlier models of the right shape', () => {
    const project = syntheticProject(300);
    expect(project.sources).to.have.length(sourceCount(300));
    const shapeOf = new Map<string, string>();
    project.models.forEach((model, i) => {
      const recipe = recipes[model.recipe];
      if (i < project.sources.length) {
        expect(model.inputs).to.deep.equal([{ kind: 'source', name: project.sources[i] }]);
      } else {
        expect(model.inputs.map((input) => shapeOf.get(input.name))).to.deep.equal(recipe.inputs);
        expect(new Set(model.inputs.map((input) => input.name)).size).to.equal(model.inputs.length);
      }
      shapeOf.set(model.name, recipe.output);
    });
  });

  it('records lineage depth and keeps it under the cap while the project grows wider', () => {
    const project = syntheticProject(1000);
    const depthOf = new Map(project.models.map((m) => [m.name, m.depth]));
    for (const model of project.models) {
      const parents = model.inputs.filter((i) => i.kind === 'model').map((i) => depthOf.get(i.name)!);
      expect(model.depth, model.name).to.equal(1 + Math.max(0, ...parents));
    }
    const depths = project.models.map((m) => m.depth);
    expect(Math.max(...depths)).to.equal(maxDepth);
  });

  it('mixes chains, rollups and fan-ins', () => {
    const used = new Set(syntheticProject(100).models.map((m) => m.recipe));
    expect([...used].sort()).to.deep.equal(Object.keys(recipes).sort());
  });

  it('rejects sizes below two', () => {
    expect(() => syntheticProject(1)).to.throw(RangeError);
  });
});
