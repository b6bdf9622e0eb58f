/**
 * RedBeanPHP-style bean stores for Node (redbean-node, as in uptime-kuma): `R.find('monitor', ...)`,
 * `R.findOne`, `R.findAll`, `R.load`, `R.count` read the named table; `R.dispense('monitor')` creates a
 * bean to store, a write. The bean calls that take no table name (`R.store(bean)`, `R.trash(bean)`)
 * cannot be attributed; SQL passed to `R.exec/getAll/getRow` is read by the SQL stage. No schema of
 * its own (its tables come from migrations).
 */
import ts from '../../../typescript-runtime.js';
import type { OrmReader } from '../orm-reader.js';
import { stringValue } from '../call-chains.js';

const READS = new Set(['find', 'findOne', 'findAll', 'load', 'count', 'findOneOrFail']);
const WRITES = new Set(['dispense']);
const TABLE_NAME = /^[A-Za-z_][\w]*$/;

export const redbeanReader: OrmReader = {
  name: 'redbean',
  schemaPackages: [],
  readSchema: () => ({ tables: [], foreignKeys: [], names: new Map() }),
  mayUse: /\bR\.(find|findOne|findAll|load|count|dispense)\(/,
  matchChain(outer, chain, _names, sink) {
    const first = chain[0];
    const callee = first?.node && ts.isCallExpression(first.node) ? first.node.expression : undefined;
    if (!first || !callee || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'R') return false;
    const table = stringValue(first.args[0]);
    if (!table || !TABLE_NAME.test(table)) return false;
    if (READS.has(first.name)) sink.read(table, outer);
    else if (WRITES.has(first.name)) sink.write(table, outer);
    else return false;
    return true;
  },
};
