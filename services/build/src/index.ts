// The build service is used over gRPC (proto/build.proto); its pieces are exported for the benchmarks.
export { sourceHash } from './compiler/compile.ts';
export { resolveToolchain, type Toolchain } from './compiler/toolchain.ts';
