// The leaf, not present/index.ts: astro.config.mjs imports this file (eslint.layers.js says why).
import { ACCOUNT_HINT_COOKIE } from '../present/account-hint.ts';

/**
 * The one script of a prerendered page: it reads the display cookie (src/present/account-hint.ts) and turns the
 * header's 登录 link into the signed-in name, 我的学习 and, for leads, 管理, for authors, 出题工作室 (the links `accountLinks` gives). It runs
 * inline right after the header's account area, before first paint, so nothing flickers; names go in as text, never
 * HTML. The Content-Security-Policy allows it by hash (astro.config.mjs hashes exactly this string), so render it with
 * `set:html` and never retype it. Pages rendered per request draw the same links on the server and omit it.
 */
export const ACCOUNT_NAV_SCRIPT =
  `(()=>{const m=document.cookie.match(/(?:^|; )${ACCOUNT_HINT_COOKIE}=([^;]+)/);if(!m)return;let w;` +
  `try{w=JSON.parse(decodeURIComponent(m[1]))}catch{return}` +
  `if(!w||typeof w.n!=='string'||!w.n||(w.r!=='lead'&&w.r!=='author'&&w.r!=='trainee'))return;` +
  `const nav=document.getElementById('account-nav');if(!nav)return;` +
  `const el=(t,c,x,h)=>{const e=document.createElement(t);e.className=c;e.textContent=x;if(h)e.href=h;return e};` +
  `const l=[el('span','account-name',w.n),el('a','','我的学习','/me')];if(w.r==='lead')l.push(el('a','','管理','/lead'));if(w.r==='author')l.push(el('a','','出题工作室','/lead/studio'));` +
  `nav.replaceChildren(...l)})()`;
