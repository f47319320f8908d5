// Public face of the WebAssembly assembler: what the parser's scorer and the views' layout emit
// their code with.
export { F64, FunctionBuilder, Op, Simd, emitModule } from './emit.ts';
