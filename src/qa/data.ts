import { readFileSync } from 'node:fs';
import { type Directive, directiveSchema, itemsById } from './directive.ts';
import { pairsSchema, type QaPair } from './pairs.ts';

const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url);

function readJson(dir: URL, name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
}

export function loadDirective(dataDir: URL = DEFAULT_DATA_DIR): Directive {
  return directiveSchema.parse(readJson(dataDir, 'directive.json'));
}

/** The curated pairs, checked against the directive: every clause a pair cites must exist. */
export function loadPairs(directive: Directive, dataDir: URL = DEFAULT_DATA_DIR): QaPair[] {
  const pairs = pairsSchema.parse(readJson(dataDir, 'qa-pairs.json'));
  const items = itemsById(directive);
  const ids = new Set<string>();
  for (const pair of pairs) {
    if (ids.has(pair.id)) throw new Error(`qa-pairs.json: duplicate id ${pair.id}`);
    ids.add(pair.id);
    for (const ref of pair.refs) {
      if (!items.has(ref)) throw new Error(`qa-pairs.json: ${pair.id} cites unknown clause ${ref}`);
    }
  }
  return pairs;
}
