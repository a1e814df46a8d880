import { expect } from 'chai';
import { schemaFields, t } from '../../../src/sdk/schema.js';
import { Catalog } from '../../../src/validate/zetasql/catalog.js';
import type { SimpleCatalogProto } from '../../../src/validate/zetasql/proto-types.js';

/** `catalog.table` names reachable from the root, as dotted paths of catalog/table names. */
function tableNames(proto: SimpleCatalogProto, prefix: string[] = []): string[] {
  return [
    ...(proto.table ?? []).map((table) => [...prefix, `[${table.name}]`].join('/')),
    ...(proto.catalog ?? []).flatMap((child) => tableNames(child, [...prefix, `[${child.name}]`])),
  ].sort();
}

describe('zetasql Catalog', () => {
  const orders = { path: ['proj', 'raw', 'orders'], columns: schemaFields({ id: t.string(), items: t.array(t.struct({ qty: t.int64() })) }) };

  it('registers a table under every dotted grouping of its path', () => {
    const proto = Catalog.of([orders]).toProto({});
    expect(tableNames(proto)).to.deep.equal([
      '[proj.raw.orders]',
      '[proj.raw]/[orders]',
      '[proj]/[raw.orders]',
      '[proj]/[raw]/[orders]',
    ]);
  });

  it('maps Sluice types to ZetaSQL types and carries builtin function options', () => {
    const proto = Catalog.of([orders]).toProto({ productMode: 'PRODUCT_EXTERNAL' });
    expect(proto.builtinFunctionOptions).to.deep.equal({ languageOptions: { productMode: 'PRODUCT_EXTERNAL' } });
    expect(proto.table![0]!.column).to.deep.equal([
      { name: 'id', type: { typeKind: 'TYPE_STRING' } },
      {
        name: 'items',
        type: {
          typeKind: 'TYPE_ARRAY',
          arrayType: {
            elementType: { typeKind: 'TYPE_STRUCT', structType: { field: [{ fieldName: 'qty', fieldType: { typeKind: 'TYPE_INT64' } }] } },
          },
        },
      },
    ]);
  });

  it('versions edits and keeps clones independent', () => {
    const catalog = Catalog.of([orders]);
    const before = catalog.version;
    const copy = catalog.clone();
    copy.addZetaTable(['tmp'], [{ name: 'x', type: { typeKind: 'TYPE_INT64' } }]).addConstant('v', { typeKind: 'TYPE_BOOL' });
    expect(catalog.version).to.equal(before);
    expect(catalog.hasTable(['tmp'])).to.equal(false);
    expect(copy.hasTable(['TMP'])).to.equal(true);
    expect(copy.toProto({}).constant).to.deep.equal([{ namePath: ['v'], type: { typeKind: 'TYPE_BOOL' }, value: {} }]);
    catalog.removeTable(['PROJ', 'raw', 'orders']);
    expect(catalog.version).to.be.greaterThan(before);
    expect(catalog.toProto({}).table).to.deep.equal([]);
  });

  it('narrows to the tables a script names, in any dotted grouping, keeping constants', () => {
    const customers = { path: ['proj', 'crm', 'customers'], columns: schemaFields({ id: t.string() }) };
    const catalog = Catalog.of([orders, customers]).addConstant('limit_rows', { typeKind: 'TYPE_INT64' });
    const subset = catalog.referencedSubset([['proj.raw', 'ORDERS'], ['temp_table']]);
    expect(subset.hasTable(['proj', 'raw', 'orders'])).to.equal(true);
    expect(subset.hasTable(['proj', 'crm', 'customers'])).to.equal(false);
    expect(subset.hasConstant('LIMIT_ROWS')).to.equal(true);
  });
});
