// The readable API reference: plain HTML rendered on the server from the OpenAPI document.
import type { OpenApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;

function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A one-line reading of a JSON schema: "integer 1..100, default 20", "list of: A, B". */
function describeSchema(s: Json | undefined): string {
  if (!s) return '';
  if (Array.isArray(s.enum)) return `one of: ${s.enum.join(', ')}`;
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(describeSchema).join(' or ');
  let text = String(s.type ?? 'any');
  if (s.type === 'array') text = `list of ${describeSchema(s.items as Json)}`;
  if (s.type === 'object' && s.properties) {
    text = `object {${Object.keys(s.properties as Json).join(', ')}}`;
  }
  const range = [s.minimum, s.maximum];
  if (range[0] !== undefined || range[1] !== undefined) {
    text += ` ${range[0] ?? ''}..${range[1] ?? ''}`;
  }
  if (typeof s.pattern === 'string') text += ` matching ${s.pattern}`;
  if (s.default !== undefined) text += `, default ${JSON.stringify(s.default)}`;
  return text;
}

function fieldsTable(schema: Json | undefined): string {
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  const rows = Object.entries(props).map(
    ([name, s]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${required.has(name) ? 'yes' : 'no'}</td>` +
      `<td>${escapeHtml(describeSchema(s))}</td><td>${escapeHtml(s.description ?? '')}</td></tr>`,
  );
  if (rows.length === 0) return '';
  return `<table><tr><th>field</th><th>required</th><th>type</th><th>about</th></tr>${rows.join('')}</table>`;
}

function operationHtml(path: string, method: string, op: Json): string {
  const params = (op.parameters ?? []) as Json[];
  const paramRows = params.map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td>` +
      `<td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(describeSchema(p.schema as Json))}</td>` +
      `<td>${escapeHtml(p.description ?? '')}</td></tr>`,
  );
  const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
  const bodySchema = (body?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(
    ([status, r]) => {
      const content = (r.content ?? {}) as Record<string, Json>;
      const schema = content['application/json']?.schema as Json | undefined;
      const shape = schema && !schema.$ref ? ` &mdash; ${escapeHtml(describeSchema(schema))}` : '';
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description ?? '')}${shape}</li>`;
    },
  );
  const id = escapeHtml(`${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-'));
  return [
    `<section id="${id}">`,
    `<h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>`,
    `<p>${escapeHtml(op.summary ?? '')}</p>`,
    op.description ? `<p>${escapeHtml(op.description)}</p>` : '',
    paramRows.length
      ? `<h3>Parameters</h3><table><tr><th>name</th><th>in</th><th>required</th><th>type</th><th>about</th></tr>${paramRows.join('')}</table>`
      : '',
    bodySchema ? `<h3>JSON body</h3>${fieldsTable(bodySchema)}` : '',
    `<h3>Responses</h3><ul>${responses.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

export function renderDocsPage(doc: OpenApiDocument): string {
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      toc.push(
        `<li><a href="#${escapeHtml(id)}">${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</a></li>`,
      );
      sections.push(operationHtml(path, method, op as Json));
    }
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.method { background: #234; color: #fff; padding: 0 .4rem; border-radius: .2rem; font-size: .9em; }
section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
</style>
</head>
<body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
<ul>${toc.join('\n')}</ul>
${sections.join('\n')}
</body>
</html>
`;
}
