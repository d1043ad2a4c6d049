import type { Theme } from "./types.ts";

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const FN = /^(?:rgba?|hsla?)\([0-9.,%\s/]{1,60}\)$/i;

/** The colour if it is a plain CSS colour (hex, rgb(), hsl() or a name): nothing that could end the declaration. */
export function safeColor(value: unknown): string | undefined {
  const c = typeof value === "string" ? value.trim() : "";
  return HEX.test(c) || FN.test(c) || /^[a-z]{3,20}$/i.test(c) ? c : undefined;
}

/** White or near-black text, whichever reads better on a hex colour (white for anything else). */
export function textOn(colour: string): string {
  if (!HEX.test(colour)) return "#fff";
  const hex = colour.length === 4 ? colour.replace(/\w/g, "$&$&").slice(1) : colour.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.062 ? "#fff" : "#0f172a";
}

/** The theme's CSS custom properties, set on the widget's root element. */
export function themeVars(theme: Theme): string {
  const p = safeColor(theme.primaryColor) ?? "#4f46e5";
  // The background is used by the scheme it suits (light colours in light mode, dark ones in dark mode).
  const bg = HEX.test(theme.backgroundColor ?? "") ? theme.backgroundColor : undefined;
  const bgVar = bg ? `--pc-cb${textOn(bg) === "#fff" ? "d" : "l"}:${bg};` : "";
  return `--pc-p:${p};--pc-op:${textOn(p)};${bgVar}`;
}

const DARK =
  "--pc-bg:var(--pc-cbd,#0f172a);--pc-fg:#e2e8f0;--pc-mu:#94a3b8;--pc-bot:#1e293b;--pc-bd:#334155;--pc-er:#fca5a5;--pc-erb:#450a0a;";

/** All of the widget's CSS: it lives in the shadow root, so the page's CSS and the widget's never meet. */
export const CSS = `
:host{all:initial;display:block}
:host([data-mode=inline]){height:100%}
[hidden]{display:none!important}
.pc{--pc-bg:var(--pc-cbl,#fff);--pc-fg:#0f172a;--pc-mu:#64748b;--pc-bot:#f1f5f9;--pc-bd:#e2e8f0;--pc-er:#b91c1c;--pc-erb:#fef2f2;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--pc-fg);-webkit-font-smoothing:antialiased;height:100%}
.pc[data-theme=dark]{${DARK}}
@media (prefers-color-scheme:dark){.pc[data-theme=auto]{${DARK}}}
*{box-sizing:border-box}
button,input,select,textarea{font:inherit;color:inherit}
button{cursor:pointer}
button:disabled{cursor:default;opacity:.55}
:focus-visible{outline:2px solid var(--pc-p);outline-offset:2px}
header :focus-visible{outline-color:var(--pc-op);outline-offset:-2px}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:var(--pc-p);color:var(--pc-op);box-shadow:0 6px 20px rgba(0,0,0,.22);display:grid;place-items:center;transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.left .launcher{right:auto;left:20px}
.panel{display:flex;flex-direction:column;background:var(--pc-bg);color:var(--pc-fg);overflow:hidden}
.bubble .panel,.popup .panel{position:fixed;z-index:2147483001;border-radius:16px;box-shadow:0 12px 48px rgba(0,0,0,.25);animation:pc-in .18s ease-out}
.bubble .panel{bottom:88px;right:20px;width:380px;height:min(620px,calc(100vh - 112px))}
.left .panel{right:auto;left:20px}
.popup .panel{top:50%;left:50%;transform:translate(-50%,-50%);width:min(440px,calc(100vw - 32px));height:min(680px,calc(100vh - 32px))}
.backdrop{position:fixed;inset:0;z-index:2147483000;background:rgba(15,23,42,.5)}
.inline .panel{height:100%;min-height:420px;border:1px solid var(--pc-bd);border-radius:12px}
@keyframes pc-in{from{opacity:0;translate:0 8px}}
@media (max-width:480px){.bubble .panel,.popup .panel{inset:0;width:100%;height:100%;transform:none;border-radius:0}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
header{display:flex;align-items:center;gap:10px;padding:12px 14px;background:var(--pc-p);color:var(--pc-op)}
header img{width:32px;height:32px;border-radius:50%;object-fit:cover}
header h2{flex:1;margin:0;font-size:15px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.icon{border:0;background:none;color:inherit;width:32px;height:32px;border-radius:8px;display:grid;place-items:center;padding:0}
.icon:hover{background:rgba(255,255,255,.18)}
.log{flex:1;overflow-y:auto;padding:16px 14px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.msg{max-width:85%;padding:8px 12px;border-radius:16px;overflow-wrap:anywhere;white-space:pre-wrap}
.bot{align-self:flex-start;background:var(--pc-bot);border-bottom-left-radius:4px;white-space:normal}
.user{align-self:flex-end;background:var(--pc-p);color:var(--pc-op);border-bottom-right-radius:4px}
.note{align-self:center;color:var(--pc-mu);font-size:13px;text-align:center}
.expert{align-self:flex-start;color:var(--pc-mu);font-size:12px;margin:4px 0 -4px 4px}
.bot p,.bot ul,.bot ol,.bot pre{margin:0 0 6px}
.bot>:last-child{margin-bottom:0}
.bot ul,.bot ol{padding-left:20px}
.bot a{color:inherit;text-decoration:underline}
.bot code{font:12.5px ui-monospace,Menlo,Consolas,monospace;background:rgba(127,127,127,.16);padding:1px 4px;border-radius:4px}
.bot pre{overflow-x:auto;background:rgba(127,127,127,.16);padding:8px;border-radius:8px}
.bot pre code{background:none;padding:0}
.typing{align-self:flex-start;background:var(--pc-bot);padding:12px 14px;border-radius:16px;display:flex;gap:4px}
.typing i{width:6px;height:6px;border-radius:50%;background:var(--pc-mu);animation:pc-dot 1s infinite}
.typing i:nth-child(2){animation-delay:.15s}
.typing i:nth-child(3){animation-delay:.3s}
@keyframes pc-dot{50%{opacity:.25;transform:translateY(-3px)}}
.pending{flex:none;max-height:55%;overflow-y:auto;padding:4px 14px 0}
.choices{display:flex;flex-wrap:wrap;gap:6px;justify-content:flex-end;padding-bottom:10px}
.choices button{border:1px solid var(--pc-p);background:var(--pc-bg);color:var(--pc-fg);border-radius:999px;padding:6px 14px}
.choices button:hover{background:var(--pc-p);color:var(--pc-op)}
form.ask{display:grid;gap:8px;padding:12px;margin-bottom:10px;border-radius:12px;background:var(--pc-bot)}
form.ask label{font-size:13px;font-weight:600}
.field{display:grid;gap:4px}
.field input,.field select{width:100%;padding:8px 10px;border:1px solid var(--pc-bd);border-radius:8px;background:var(--pc-bg)}
.field [aria-invalid=true]{border-color:var(--pc-er)}
.ferr{color:var(--pc-er);font-size:12px}
.btn{border:0;border-radius:8px;padding:8px 14px;background:var(--pc-p);color:var(--pc-op);font-weight:600;justify-self:end}
.err,.end{display:flex;align-items:center;gap:8px;flex-wrap:wrap;padding:8px 12px;margin-bottom:10px;border-radius:10px;font-size:13px}
.err{background:var(--pc-erb);color:var(--pc-er)}
.end{background:var(--pc-bot);color:var(--pc-mu)}
.err button,.end button{border:1px solid currentColor;background:none;border-radius:6px;padding:2px 10px;margin-left:auto;color:inherit}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid var(--pc-bd)}
.composer textarea{flex:1;resize:none;border:1px solid var(--pc-bd);border-radius:10px;padding:8px 10px;background:var(--pc-bg);max-height:120px;min-height:38px}
.composer .icon{background:var(--pc-p);color:var(--pc-op);width:38px;height:38px;border-radius:10px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
