// Reads a GraphML or GEXF export with graphology (the parsers Gephi Lite
// uses) and prints what it found as JSON, for tests/exports.rs.
//
//   node read_graph.cjs graphml|gexf FILE
//
// Output: {"type", "multi", "nodes": {key: attrs}, "edges": [{"id",
// "source", "target", **attrs}]}. A parser error exits non-zero.
'use strict';
const fs = require('fs');
const Graph = require('graphology');

const [fmt, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let graph;
if (fmt === 'graphml') {
  graph = require('graphology-graphml').parse(Graph, text);
} else if (fmt === 'gexf') {
  graph = require('graphology-gexf').parse(Graph, text);
} else {
  console.error('unknown format ' + fmt);
  process.exit(2);
}
const nodes = {};
graph.forEachNode((key, attrs) => {
  nodes[key] = attrs;
});
const edges = [];
graph.forEachEdge((key, attrs, source, target) => {
  edges.push(Object.assign({}, attrs, {id: key, source, target}));
});
process.stdout.write(
  JSON.stringify({type: graph.type, multi: graph.multi, nodes, edges})
);
