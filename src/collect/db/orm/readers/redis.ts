/**
 * Redis key prefixes as data nodes: a call on a receiver named like a Redis client (`redis`,
 * `this.redisClient`, `ioredis`, `cache.redis`) whose key is a literal with a prefix (`'session:' + id`,
 * `` `cart:${id}` ``, `'rate-limit:ip'`) reads or writes the node `redis:<prefix>` (the text before the
 * first `:`). Reads: get, mget, hget, hgetall, exists, ttl, smembers, sismember, lrange, zrange,
 * zscore, scan; writes: set, setex, mset, hset, hdel, del, incr, decr, expire, lpush, rpush, sadd,
 * srem, zadd, zrem. A key without a literal prefix cannot be attributed and is left out.
 */
import ts from '../../../typescript-runtime.js';
import type * as TS from 'typescript';
import type { OrmReader } from '../orm-reader.js';

const READS = new Set(['get', 'mget', 'hget', 'hgetall', 'hmget', 'exists', 'ttl', 'smembers', 'sismember', 'lrange', 'zrange', 'zrangebyscore', 'zscore', 'scan', 'keys', 'getdel']);
const WRITES = new Set(['set', 'setex', 'setnx', 'mset', 'hset', 'hmset', 'hdel', 'del', 'unlink', 'incr', 'incrby', 'decr', 'decrby', 'expire', 'lpush', 'rpush', 'lpop', 'rpop', 'sadd', 'srem', 'zadd', 'zrem', 'zincrby']);
const REDIS_RECEIVER = /redis/i;
const PREFIX = /^([A-Za-z_][\w.-]*):/;

export const REDIS_TABLE_PREFIX = 'redis:';

export const redisReader: OrmReader = {
  name: 'redis',
  schemaPackages: [],
  readSchema: () => ({ tables: [], foreignKeys: [], names: new Map() }),
  mayUse: /redis/i,
  matchChain(outer, chain, _names, sink) {
    const last = chain[chain.length - 1]!;
    const callee = outer.expression;
    if (!ts.isPropertyAccessExpression(callee) || !(READS.has(last.name) || WRITES.has(last.name))) return false;
    if (!REDIS_RECEIVER.test(callee.expression.getText())) return false;
    const prefix = keyPrefix(outer.arguments[0]);
    if (!prefix) return false;
    if (WRITES.has(last.name)) sink.write(`${REDIS_TABLE_PREFIX}${prefix}`, outer);
    else sink.read(`${REDIS_TABLE_PREFIX}${prefix}`, outer);
    return true;
  },
};

/** The literal head of a key: `'cart:' + id`, `` `cart:${id}` ``, `'cart:all'`. */
function keyPrefix(e: TS.Expression | undefined): string | undefined {
  if (!e) return undefined;
  let head: string | undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) head = e.text;
  else if (ts.isTemplateExpression(e)) head = e.head.text;
  else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return keyPrefix(e.left);
  return head !== undefined ? PREFIX.exec(head)?.[1] : undefined;
}
