// The service worker answers with the app shell only the app's own documents: at an origin-root
// deploy, every other page of the site must still come from the network, not a blank Nudge shell.
import { describe, expect, it } from 'vitest';
import { shellNavigationAllowlist } from '../../../src/sw/shell-navigation.ts';

const shell = (scope: string, pathAndSearch: string) =>
  shellNavigationAllowlist(scope).some((r) => r.test(pathAndSearch));

describe('shellNavigationAllowlist', () => {
  it('serves the shell for the scope and its index.html, with any query', () => {
    for (const scope of ['/', '/tools/nudge/']) {
      for (const p of ['', 'index.html', '?kept=1', 'index.html?x=1', '?utm_source=a&kept=1'])
        expect(shell(scope, scope + p), scope + p).toBe(true);
    }
  });

  it('leaves every other path under the scope to the network (other pages of the site, nested paths, files)', () => {
    for (const p of [
      '/blog/post',
      '/insights',
      '/insights/x',
      '/apple-splash-640x1136.png',
      '/index.html/x',
      '/indexXhtml',
    ])
      expect(shell('/', p), p).toBe(false);
    for (const p of ['/tools/nudge/insights', '/tools/nudgeX/', '/tools/', '/other/tools/nudge/'])
      expect(shell('/tools/nudge/', p), p).toBe(false);
    // Regular-expression characters in the deploy path are taken literally.
    expect(shell('/a.b/', '/aXb/')).toBe(false);
    expect(shell('/a.b/', '/a.b/?kept=1')).toBe(true);
  });
});
