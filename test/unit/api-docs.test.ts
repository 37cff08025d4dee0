import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/api-docs/render';

describe('API documentation', () => {
  it('docs/API.md matches the contract (run `node scripts/api-docs.mjs` after changing a channel)', () => {
    expect(fs.readFileSync('docs/API.md', 'utf8')).toBe(renderApiDocs());
  });
});
