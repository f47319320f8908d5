// Public face of the graph's interchange formats: GEXF, GraphML, JSON and CSV exports.
export {
  exportGraph,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportedFile,
} from './export-graph.ts';
export { toGexf } from './gexf.ts';
export { toGraphml } from './graphml.ts';
export { toCsv, csvCell, csvLine, type CsvTable } from './csv-write.ts';
export { LIST_SEPARATOR } from './flat-attributes.ts';
