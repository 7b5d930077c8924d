import Module from 'node:module';
import path from 'node:path';

/**
 * restify, loaded without `spdy`. restify requires spdy at load time for its optional SPDY server,
 * which Convene never asks for; spdy's `http-deceiver` and `handle-thing` call `process.binding`, and
 * Node prints DEP0111 for it on every start. A placeholder module stands in for spdy in the module
 * cache, so that code is never loaded (and nothing else is silenced). Under a test runner with its
 * own module registry the real spdy loads, which is harmless.
 */
function loadRestifyWithoutSpdy(): typeof import('restify') {
  const restifyDir = path.dirname(require.resolve('restify'));
  const spdyPath = require.resolve('spdy', { paths: [restifyDir] });
  if (require.cache && !require.cache[spdyPath]) {
    const placeholder = new Module(spdyPath);
    placeholder.exports = {
      createServer() {
        throw new Error('Convene does not serve SPDY.');
      },
    };
    placeholder.loaded = true;
    require.cache[spdyPath] = placeholder;
  }
  return require('restify');
}

export const restify = loadRestifyWithoutSpdy();
