// d3-flextree (the layout inside d3-org-chart) on Organigram's JSON export: reads the
// nodes with their card sizes, builds the hierarchy, lays it out with the same gaps
// (24 between siblings, 48 between levels), and writes the boxes back out as JSON.
// Usage: node flextree.js IN.json OUT.json
const fs = require('fs');
const { flextree } = require('d3-flextree');

const [input, output] = process.argv.slice(2);
const nodes = JSON.parse(fs.readFileSync(input, 'utf8')).nodes;
const byId = new Map();
for (const node of nodes) {
  byId.set(node.id, { id: node.id, width: node.width, height: node.height, children: [] });
}
const roots = [];
for (const node of nodes) {
  const parent = node.parent === null ? undefined : byId.get(node.parent);
  (parent ? parent.children : roots).push(byId.get(node.id));
}
// Several top nodes hang under one invisible root, as a forest.
const top = roots.length === 1 ? roots[0] : { id: 0, width: 0, height: 0, children: roots };
const layout = flextree({
  nodeSize: (n) => [n.data.width + 24, n.data.height + 48],
  spacing: 0,
});
const tree = layout.hierarchy(top, (d) => d.children);
layout(tree);
const out = [];
tree.each((n) => {
  out.push({ id: n.data.id, x: n.x - n.data.width / 2, y: n.y, width: n.data.width, height: n.data.height });
});
fs.writeFileSync(output, JSON.stringify({ nodes: out }));
