/**
 * protobufjs (which @grpc/proto-loader decodes responses with) refuses messages nested more
 * than 100 levels, like protoc's default. ZetaSQL's resolved trees nest several levels per
 * SQL expression level (wrapper, parent and node messages), so a deep CASE / COALESCE
 * chain in a real model exceeds it and the analysis fails with "maximum nesting depth
 * exceeded". The limit guards against hostile input; the server here is our own.
 */
import { createRequire } from 'node:module';

const RECURSION_LIMIT = 5_000;

interface ProtobufLimits {
  util: { recursionLimit: number };
  Reader: { recursionLimit: number };
}

/** Raises the decoding depth limit of the protobufjs copy the gRPC client uses. */
export function raiseProtobufRecursionLimit(): void {
  // Resolved from the proto loader so it is the same copy the client decodes with.
  const fromLoader = createRequire(createRequire(import.meta.url).resolve('@grpc/proto-loader'));
  const protobuf = fromLoader('protobufjs') as ProtobufLimits;
  protobuf.util.recursionLimit = Math.max(protobuf.util.recursionLimit, RECURSION_LIMIT);
  protobuf.Reader.recursionLimit = Math.max(protobuf.Reader.recursionLimit, RECURSION_LIMIT);
}
