/**
 * GET /api/docs: a readable page of the OpenAPI document, self-contained
 * (no CDN). The script is served from /api/docs.js so the page runs under
 * the same CSP as the app (script-src 'self', no inline script).
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimgraph API</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 1rem 1.5rem 4rem; color: #1d232a; }
  h1 { margin-bottom: .2rem; } .lead { color: #555; margin-top: 0; }
  nav a { margin-right: .8rem; }
  section.op { border: 1px solid #d9dee3; border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem; }
  .m { display: inline-block; min-width: 3.6rem; font-weight: 700; text-transform: uppercase; font-size: .8rem; padding: .1rem .4rem; border-radius: 3px; color: #fff; text-align: center; }
  .get { background: #2f6f9f; } .post { background: #3d8a4d; }
  code, pre { font: 13px/1.4 ui-monospace, monospace; } pre { background: #f4f6f8; padding: .6rem; overflow: auto; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0; } td, th { border-bottom: 1px solid #eceff2; text-align: left; padding: .2rem .4rem; vertical-align: top; }
  .lock { color: #a15c00; font-size: .85rem; } details { margin: .3rem 0; }
</style>
</head>
<body>
<h1>claimgraph API</h1>
<p class="lead" id="desc">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p>
<nav id="nav"></nav>
<main id="ops"></main>
<h2>Schemas</h2>
<main id="schemas"></main>
<script src="/api/docs.js"></script>
</body>
</html>
`;

export const DOCS_JS = `(function () {
  'use strict';
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return e;
  }
  function ref(schema) { return schema && schema.$ref ? schema.$ref.split('/').pop() : null; }
  function typeOf(s) {
    if (!s) return '';
    var r = ref(s); if (r) return r;
    if (s.enum) return s.enum.join(' | ');
    if (s.type === 'array') return typeOf(s.items) + '[]';
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeOf).join(' | ');
    return (s.type || 'object') + (s.nullable ? ' | null' : '');
  }
  function link(name) { return el('a', { href: '#schema-' + name }, [name]); }
  function typeNode(s) { var r = ref(s) || (s && s.type === 'array' && ref(s.items)); return r ? el('span', {}, [link(r), s.type === 'array' ? '[]' : '']) : el('code', {}, [typeOf(s)]); }
  fetch('/api/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
    document.title = doc.info.title;
    document.getElementById('desc').textContent = doc.info.description + ' (OpenAPI ' + doc.openapi + ', version ' + doc.info.version + '; raw document at /api/openapi.json)';
    var ops = document.getElementById('ops');
    var nav = document.getElementById('nav');
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var anchor = method + path.replace(/[^a-z0-9]+/gi, '-');
        nav.append(el('a', { href: '#' + anchor }, [method.toUpperCase() + ' ' + path]));
        var sec = el('section', { class: 'op', id: anchor }, [
          el('h3', {}, [el('span', { class: 'm ' + method }, [method]), ' ', el('code', {}, [path])]),
          el('p', {}, [op.summary || '']),
        ]);
        if (op.security && op.security.length) sec.append(el('p', { class: 'lock' }, ['Needs Authorization: Bearer <token> when the server has a token.']));
        if (op.parameters && op.parameters.length) {
          var t = el('table', {}, [el('tr', {}, [el('th', {}, ['name']), el('th', {}, ['in']), el('th', {}, ['type']), el('th', {}, ['description'])])]);
          op.parameters.forEach(function (p) {
            t.append(el('tr', {}, [el('td', {}, [el('code', {}, [p.name + (p.required ? '' : '?')])]), el('td', {}, [p.in]), el('td', {}, [typeNode(p.schema)]), el('td', {}, [p.description || (p.schema && p.schema.description) || ''])]));
          });
          sec.append(t);
        }
        var body = op.requestBody && op.requestBody.content['application/json'];
        if (body) sec.append(el('p', {}, ['Body: ', typeNode(body.schema)]));
        var rt = el('table', {}, [el('tr', {}, [el('th', {}, ['status']), el('th', {}, ['body']), el('th', {}, ['meaning'])])]);
        Object.keys(op.responses).forEach(function (code) {
          var res = op.responses[code];
          var c = res.content && res.content['application/json'];
          rt.append(el('tr', {}, [el('td', {}, [code]), el('td', {}, [c ? typeNode(c.schema) : '']), el('td', {}, [res.description])]));
        });
        sec.append(rt);
        ops.append(sec);
      });
    });
    var schemas = document.getElementById('schemas');
    var comps = (doc.components && doc.components.schemas) || {};
    Object.keys(comps).sort().forEach(function (name) {
      var s = comps[name];
      var d = el('details', { id: 'schema-' + name }, [el('summary', {}, [el('code', {}, [name])])]);
      if (s.properties) {
        var t = el('table', {}, []);
        Object.keys(s.properties).forEach(function (k) {
          var req = (s.required || []).indexOf(k) >= 0;
          t.append(el('tr', {}, [el('td', {}, [el('code', {}, [k + (req ? '' : '?')])]), el('td', {}, [typeNode(s.properties[k])]), el('td', {}, [s.properties[k].description || ''])]));
        });
        d.append(t);
      } else {
        d.append(el('pre', {}, [JSON.stringify(s, null, 2)]));
      }
      schemas.append(d);
    });
  }).catch(function (e) { document.getElementById('desc').textContent = 'Could not load /api/openapi.json: ' + e; });
})();
`;
