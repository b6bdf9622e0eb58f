/**
 * MongoDB through Mongoose and the Node driver.
 * Mongoose (schema: mongoose-models.ts): statics on a known model (`Order.find(...)`): find*, count*,
 * aggregate, distinct, exists read; create, insertMany, update*, delete*, replaceOne, bulkWrite,
 * findOneAnd... and findByIdAnd... write. A model passed to a call or a constructor (`super(Order, ...)`,
 * `new Repository(Order)`) makes that code a wrapper of the collection, like a Spring Data
 * repository: it reads and writes it.
 * Node driver (files that import `mongodb`): `db.collection('orders')` in a chain reads it, and writes
 * it when the chain calls insert*, update*, delete*, replace*, bulkWrite or findOneAnd*.
 */
import ts from '../../../typescript-runtime.js';
import type { OrmReader } from '../orm-reader.js';
import { identifierName, stringValue } from '../call-chains.js';
import { readMongooseModels } from '../mongoose-models.js';

const READ = /^(find|findOne|findById|countDocuments|estimatedDocumentCount|count|aggregate|distinct|exists|where)$/;
const WRITE = /^(create|insertMany|insertOne|updateOne|updateMany|update|deleteOne|deleteMany|remove|replaceOne|bulkWrite|findOneAndUpdate|findOneAndDelete|findOneAndReplace|findOneAndRemove|findByIdAndUpdate|findByIdAndDelete|findByIdAndRemove)$/;
const DRIVER_WRITE = /^(insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|replaceOne|bulkWrite|findOneAndUpdate|findOneAndDelete|findOneAndReplace|drop)$/;
const COLLECTION_NAME = /^[A-Za-z_][\w.-]*$/;

const USES_MONGO = /['"]mongodb['"]|mongoose/;

export const mongooseReader: OrmReader = {
  name: 'mongoose',
  schemaPackages: ['mongoose', '@nestjs/mongoose', '@typegoose/typegoose'],
  readSchema(_listing, texts, parse) {
    const models = readMongooseModels(texts, parse);
    return { tables: models.tables, foreignKeys: models.foreignKeys, names: models.names };
  },
  mayUse: /mongo|\.find|\.create|\.update|\.delete|\.insert|\.count|\.aggregate|super\(/,
  matchChain(outer, chain, models, sink) {
    // The Node driver: .collection('name') somewhere in the chain (of a file that uses MongoDB: judged
    // once per file, not once per chain).
    if (sink.fileMatches(USES_MONGO)) {
      const link = chain.find((l) => l.name === 'collection' && l.args.length === 1);
      const name = link && stringValue(link.args[0]);
      if (name && COLLECTION_NAME.test(name)) {
        if (chain.some((l) => DRIVER_WRITE.test(l.name))) sink.write(name, outer);
        else sink.read(name, outer);
        return true;
      }
    }
    if (models.size === 0) return false;
    const first = chain[0]!;
    const callee = ts.isCallExpression(first.node) ? first.node.expression : undefined;
    const receiver = callee && ts.isPropertyAccessExpression(callee) ? identifierName(callee.expression) : undefined;
    const collection = receiver !== undefined ? models.get(receiver) : undefined;
    if (collection !== undefined && (READ.test(first.name) || WRITE.test(first.name))) {
      if (WRITE.test(first.name)) sink.write(collection, outer);
      else sink.read(collection, outer);
      return true;
    }
    // A wrapper: the model itself handed to a call (`super(Order, OrderEntity)`).
    for (const link of chain) {
      const wrapped = link.args.map((a) => (ts.isIdentifier(a) ? models.get(a.text) : undefined)).find((c) => c !== undefined);
      if (wrapped !== undefined) {
        sink.read(wrapped, link.node);
        sink.write(wrapped, link.node);
        return true;
      }
    }
    return false;
  },
};
