/** The report's only style sheet, inline (the page loads nothing). */
export const REPORT_CSS = `
:root{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#1b1f24;background:#f6f7f9}
body{margin:0 auto;max-width:1100px;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.15rem;margin:.2em 0}
.meta{color:#57606a;margin:.2em 0}
.summary,.listing{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:12px 0}
.tables{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse}caption{text-align:left;font-weight:600;padding-bottom:4px}
th,td{border-top:1px solid #eaeef2;padding:3px 10px;text-align:left}
.images{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
figure{margin:0}figcaption{font-size:.85rem;color:#57606a}
.hashes{font-size:.75rem;max-width:320px}.hashes code{word-break:break-all}
.frame{position:relative;line-height:0}
.frame img{display:block}
.boxes{position:absolute;left:0;top:0;overflow:visible;pointer-events:none}
.box{fill:rgba(232,0,232,.12);stroke:#e800e8;stroke-width:3px;vector-effect:non-scaling-stroke}
.box.sev-medium,.box.sev-low,.box.sev-info{stroke-dasharray:6 3}
.findings{padding-left:1.2em}.finding p{margin:.2em 0}
.sev{display:inline-block;padding:0 6px;border-radius:4px;font-size:.8rem;font-weight:600;background:#eaeef2}
.sev-critical,.sev-high{background:#ffebe9;color:#a40e26}.sev-medium{background:#fff8c5;color:#7d4e00}
.sev-low,.sev-info{background:#ddf4ff;color:#0a3069}
.error{color:#a40e26}.noimage{width:160px;height:100px;background:#eaeef2}
`;
