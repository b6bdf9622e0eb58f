/**
 * report.html: one self-contained page for the workshop wall (no network at view time: cytoscape and
 * all styles inlined). Graph (contexts first; click a context to drill into its modules, click a module
 * for its edges and evidence; search), context dependency matrix (DSM), table-ownership matrix, plan,
 * sortable tables. Everything from the repository reaches the page as JSON in a
 * <script type="application/json"> block (with <, >, &, U+2028/9 escaped) and is put into the page with
 * textContent only, never as HTML, so names like `<img onerror=...>` stay text.
 */
import type { AnalysisResult } from '../result/analysis-result.js';
import { compareStrings } from '../model/compare.js';
import { CYTOSCAPE_JS } from './generated/browser-assets.js';
import { graphView } from './graph-view.js';
import type { ReportFile } from '../result/report-file.js';

export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that can sit inside a <script> element whatever the strings hold. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function pageData(result: AnalysisResult) {
  const d = result.decomposition;
  const scores = result.scores;
  const ctxOf = new Map<string, string>();
  for (const c of d?.contexts ?? []) for (const m of c.modules) ctxOf.set(m, c.id);
  for (const k of d?.kernel ?? []) ctxOf.set(k, 'kernel');
  const moduleEdges = graphView(result, 'module').edges;
  const evidence = new Map<string, string>();
  for (const e of result.model.edges) {
    const key = `${e.from}\0${e.to}`;
    const ev = e.evidence[0];
    if (ev && !evidence.has(key)) evidence.set(key, `${ev.file}:${ev.line}${ev.text ? ` ${ev.text}` : ''}`);
  }
  const contexts = (d?.contexts ?? []).map((c) => {
    const s = scores?.contexts.find((x) => x.context === c.id);
    return { id: c.id, name: c.name, lines: c.lines, modules: c.modules.length, tables: c.tables, cohesion: s?.cohesion ?? 0, coupling: s?.coupling ?? 0, afferent: s?.afferent.length ?? 0, efferent: s?.efferent.length ?? 0, api: s?.apiSurface.length ?? 0, confidence: s?.confidence ?? 0 };
  });
  if ((d?.kernel.length ?? 0) > 0) contexts.push({ id: 'kernel', name: 'shared kernel', lines: 0, modules: d!.kernel.length, tables: [], cohesion: 0, coupling: 0, afferent: 0, efferent: 0, api: 0, confidence: 0 });
  const access = new Map<string, Map<string, Set<string>>>();
  for (const e of result.model.data?.edges ?? []) {
    if (e.kind !== 'table-access') continue;
    const c = ctxOf.get(e.from) ?? '';
    const row = access.get(e.to) ?? new Map<string, Set<string>>();
    const cell = row.get(c) ?? new Set<string>();
    cell.add(e.mode === 'write' ? 'W' : 'R');
    row.set(c, cell);
    access.set(e.to, row);
  }
  return {
    title: result.model.root,
    version: result.tool.version,
    method: d?.method ?? 'clustering skipped',
    global: scores?.global ?? null,
    contexts,
    modules: result.model.modules.map((m) => ({ id: m.id, ctx: ctxOf.get(m.id) ?? '', lines: m.lines })),
    edges: moduleEdges.map((e) => ({ s: e.source, t: e.target, w: e.weight, k: e.kinds.join(','), ev: evidence.get(`${e.source}\0${e.target}`) ?? '' })),
    tables: [...access.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([table, row]) => ({ table, owner: d?.contexts.find((c) => c.tables.includes(table))?.id ?? '', cells: Object.fromEntries([...row.entries()].map(([c, set]) => [c, [...set].sort().reverse().join('')])) })),
    plan: (result.plan?.steps ?? []).map((s) => ({ step: s.step, name: s.name, pilot: s.pilot, dead: s.deadCode, why: s.why, modules: s.modules, api: s.becomeApiCalls.map((x) => `${x.from} -> ${x.to} (${x.kinds.join('+')} x${x.count})`), tables: s.takesOverTables, fks: s.dropForeignKeys.map((f) => `${f.from} -> ${f.to}`), joins: s.rewriteJoins.map((j) => `${j.a} + ${j.b}`), cycles: s.breakCyclesFirst.map((c) => `${c.from} -> ${c.to}`) })),
    hotspots: (result.analyses.hotspots?.hotspots ?? []).slice(0, 200).map((h) => ({ rank: h.rank, module: h.module, revisions: h.revisions, lines: h.lines, score: h.score, author: h.mainAuthor })),
    coupling: (result.analyses.changeCoupling?.pairs ?? []).slice(0, 200).map((p) => ({ a: p.a, b: p.b, degree: p.degree, shared: p.shared })),
    diagnostics: result.model.diagnostics.slice(0, 200).map((x) => ({ severity: x.severity, code: x.code, where: x.file ? `${x.file}${x.line ? `:${x.line}` : ''}` : '', message: x.message })),
  };
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:12px 20px}header h1{margin:0;font-size:20px}
nav{display:flex;gap:4px;padding:8px 20px;background:#e8ebf0}nav button{border:0;padding:6px 12px;border-radius:4px;cursor:pointer;background:#fff}
nav button.on{background:#3b6fd8;color:#fff}section{display:none;padding:12px 20px}section.on{display:block}
#graphwrap{display:flex;gap:12px}#cy{flex:1;height:640px;background:#fff;border:1px solid #ccd}
#side{width:360px;max-height:640px;overflow:auto;background:#fff;border:1px solid #ccd;padding:8px}
table{border-collapse:collapse;background:#fff;margin:8px 0}td,th{border:1px solid #ccd;padding:3px 6px;text-align:left;font-size:13px}
th{background:#eef1f6;cursor:pointer}td.num{text-align:right}.dim{color:#667}input{padding:4px 8px;width:260px}
li{margin:2px 0}.pilot{color:#1a7f37;font-weight:bold}.dead{color:#888}
`;

const SCRIPT = `
(function(){
var D=JSON.parse(document.getElementById('data').textContent);
function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined&&text!==null)e.textContent=String(text);if(cls)e.className=cls;return e;}
document.getElementById('title').textContent='msa-split: '+D.title;
document.getElementById('method').textContent=D.method+(D.global?' | Q '+D.global.modularity+', TurboMQ '+D.global.turboMQ+', ICP '+D.global.interCallPercentage:'');
var tabs=document.querySelectorAll('nav button');
tabs.forEach(function(b){b.addEventListener('click',function(){tabs.forEach(function(x){x.classList.remove('on')});b.classList.add('on');document.querySelectorAll('section').forEach(function(s){s.classList.toggle('on',s.id===b.dataset.tab)});if(b.dataset.tab==='graph'&&cy)cy.resize();});});
function sortable(table){var ths=table.querySelectorAll('th');ths.forEach(function(th,i){th.addEventListener('click',function(){var rows=Array.prototype.slice.call(table.querySelectorAll('tr')).slice(1);var dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir===1?'asc':'desc';rows.sort(function(a,b){var x=a.children[i].textContent,y=b.children[i].textContent;var nx=parseFloat(x),ny=parseFloat(y);if(!isNaN(nx)&&!isNaN(ny))return (nx-ny)*dir;return x<y?-dir:x>y?dir:0;});rows.forEach(function(r){table.appendChild(r);});});});}
function table(host,head,rows){var t=el('table');var tr=el('tr');head.forEach(function(h){tr.appendChild(el('th',h));});t.appendChild(tr);rows.forEach(function(r){var row=el('tr');r.forEach(function(c){var td=el('td',c);if(typeof c==='number')td.className='num';row.appendChild(td);});t.appendChild(row);});host.appendChild(t);sortable(t);return t;}
var names={};D.contexts.forEach(function(c){names[c.id]=c.name;});
var byCtx={};D.modules.forEach(function(m){(byCtx[m.ctx]=byCtx[m.ctx]||[]).push(m);});
var ctxOf={};D.modules.forEach(function(m){ctxOf[m.id]=m.ctx;});
// Contexts table, DSM, table ownership, plan, hotspots, coupling, diagnostics.
table(document.getElementById('contexts'),['Context','Name','Modules','Lines','Cohesion','Coupling','Afferent','Efferent','API modules','Confidence','Tables'],D.contexts.map(function(c){return [c.id,c.name,c.modules,c.lines,c.cohesion,c.coupling,c.afferent,c.efferent,c.api,c.confidence,c.tables.join(', ')];}));
var ids=D.contexts.map(function(c){return c.id;});var dsm={};D.edges.forEach(function(e){var a=ctxOf[e.s],b=ctxOf[e.t];if(a&&b&&a!==b){dsm[a+'|'+b]=(dsm[a+'|'+b]||0)+e.w;}});
table(document.getElementById('dsm'),['depends on \\u2192'].concat(ids.map(function(i){return names[i];})),ids.map(function(a){return [names[a]].concat(ids.map(function(b){return a===b?'-':(dsm[a+'|'+b]||'');}));}));
table(document.getElementById('tables'),['Table','Owner'].concat(ids.map(function(i){return names[i];})),D.tables.map(function(t){return [t.table,names[t.owner]||''].concat(ids.map(function(i){return t.cells[i]||'';}));}));
var plan=document.getElementById('plan');var ol=el('ol');D.plan.forEach(function(s){var li=el('li');li.appendChild(el('span',s.name+(s.pilot?' (pilot)':s.dead?' (remove)':''),s.pilot?'pilot':s.dead?'dead':''));li.appendChild(el('div',s.why,'dim'));[['Modules',s.modules],['Calls that become API calls',s.api],['Tables it takes over',s.tables],['Foreign keys to drop',s.fks],['Joins to rewrite',s.joins],['Cycles to break first',s.cycles]].forEach(function(p){if(p[1].length){li.appendChild(el('div',p[0]+': '+p[1].join('; ')));}});ol.appendChild(li);});plan.appendChild(ol);
table(document.getElementById('history'),['#','Module','Revisions','Lines','Score','Main author'],D.hotspots.map(function(h){return [h.rank,h.module,h.revisions,h.lines,h.score,h.author];}));
table(document.getElementById('history'),['Module A','Module B','Degree %','Shared'],D.coupling.map(function(p){return [p.a,p.b,p.degree,p.shared];}));
table(document.getElementById('diagnostics'),['Severity','Code','Where','Message'],D.diagnostics.map(function(x){return [x.severity,x.code,x.where,x.message];}));
// Graph: contexts first; a click drills into one context; a module click shows its edges.
var side=document.getElementById('side');var cy=null;var level='contexts';
function show(list){side.textContent='';list.forEach(function(x){side.appendChild(x);});}
function contextsView(){level='contexts';var nodes=D.contexts.map(function(c){return {data:{id:c.id,label:c.name+' ('+c.modules+')',size:20+Math.sqrt(c.lines+1)}};});var w={};D.edges.forEach(function(e){var a=ctxOf[e.s],b=ctxOf[e.t];if(a&&b&&a!==b){w[a+'|'+b]=(w[a+'|'+b]||0)+e.w;}});var edges=Object.keys(w).map(function(k,i){var p=k.split('|');return {data:{id:'ce'+i,source:p[0],target:p[1],w:w[k]}};});draw(nodes,edges);show([el('p','Click a context to see its modules. Search finds modules.','dim')]);}
function contextView(id){level=id;var mods=byCtx[id]||[];var inside={};mods.forEach(function(m){inside[m.id]=1;});var nodes=mods.map(function(m){return {data:{id:m.id,label:m.id.split('/').pop(),size:12+Math.sqrt(m.lines+1)}};});var others={};var edges=[];D.edges.forEach(function(e,i){var a=inside[e.s],b=inside[e.t];if(a&&b)edges.push({data:{id:'e'+i,source:e.s,target:e.t,w:e.w}});else if(a||b){var o=ctxOf[a?e.t:e.s]||'outside';if(!others[o]){others[o]=1;nodes.push({data:{id:'ctx:'+o,label:'\\u2192 '+(names[o]||o),size:14,other:1}});}edges.push({data:{id:'e'+i,source:a?e.s:'ctx:'+o,target:a?'ctx:'+o:e.t,w:e.w}});}});draw(nodes,edges);var back=el('button','\\u2190 all contexts');back.addEventListener('click',contextsView);show([back,el('h3',names[id]||id),el('p',mods.length+' modules','dim')]);}
function moduleInfo(id){var list=[el('h3',id),el('p','context: '+(names[ctxOf[id]]||ctxOf[id]||'-'),'dim')];var out=el('ul'),inn=el('ul');D.edges.forEach(function(e){if(e.s===id)out.appendChild(el('li',e.t+' ['+e.k+' x'+e.w+'] '+e.ev));if(e.t===id)inn.appendChild(el('li',e.s+' ['+e.k+' x'+e.w+'] '+e.ev));});list.push(el('b','depends on'),out,el('b','used by'),inn);var back=el('button','\\u2190 all contexts');back.addEventListener('click',contextsView);list.unshift(back);show(list);}
function draw(nodes,edges){if(cy)cy.destroy();cy=cytoscape({container:document.getElementById('cy'),elements:nodes.concat(edges),wheelSensitivity:0.3,style:[{selector:'node',style:{label:'data(label)','font-size':10,width:'data(size)',height:'data(size)','background-color':'#3b6fd8','text-valign':'bottom','color':'#1d2433'}},{selector:'node[other]',style:{'background-color':'#aab'}},{selector:'edge',style:{width:'mapData(w,1,50,1,6)','line-color':'#b8c0cc','target-arrow-shape':'triangle','target-arrow-color':'#b8c0cc','curve-style':'bezier'}},{selector:':selected',style:{'background-color':'#e8590c'}}],layout:{name:nodes.length>300?'grid':'cose',animate:false,randomize:false}});cy.on('tap','node',function(ev){var id=ev.target.id();if(level==='contexts')contextView(id);else if(id.indexOf('ctx:')===0)contextView(id.slice(4));else moduleInfo(id);});window.__msaGraph={nodes:function(){return cy.nodes().length;},level:function(){return level;},tapContext:function(id){contextView(id);}};}
document.getElementById('search').addEventListener('input',function(ev){var q=ev.target.value.toLowerCase();var hits=document.getElementById('hits');hits.textContent='';if(q.length<2)return;D.modules.filter(function(m){return m.id.toLowerCase().indexOf(q)>=0;}).slice(0,50).forEach(function(m){var li=el('li',m.id);li.style.cursor='pointer';li.addEventListener('click',function(){if(m.ctx)contextView(m.ctx);moduleInfo(m.id);if(cy){var n=cy.getElementById(m.id);if(n)n.select();}});hits.appendChild(li);});});
contextsView();
})();
`;

export function renderHtml(result: AnalysisResult): ReportFile[] {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>msa-split: ${htmlText(result.model.root)}</title><style>${STYLE}</style></head>
<body><header><h1 id="title"></h1><div id="method"></div></header>
<nav><button class="on" data-tab="graph">Graph</button><button data-tab="contexts">Contexts</button><button data-tab="dsm">Dependency matrix</button><button data-tab="tables">Table ownership</button><button data-tab="plan">Migration plan</button><button data-tab="history">History</button><button data-tab="diagnostics">Diagnostics</button></nav>
<section id="graph" class="on"><p><input id="search" placeholder="search modules" aria-label="search modules"></p><ul id="hits"></ul><div id="graphwrap"><div id="cy"></div><div id="side"></div></div></section>
<section id="contexts"></section><section id="dsm"></section><section id="tables"></section><section id="plan"></section><section id="history"></section><section id="diagnostics"></section>
<script id="data" type="application/json">${scriptJson(pageData(result))}</script>
<script>${CYTOSCAPE_JS}</script>
<script>${SCRIPT}</script>
</body></html>
`;
  return [{ name: 'report.html', content: html }];
}
