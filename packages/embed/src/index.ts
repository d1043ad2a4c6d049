/**
 * The chat widget, from one script tag:
 *
 *   <script src="https://app.example/embed.js" data-deployment="<slug>" data-mode="bubble|popup|inline"
 *     data-target="#el" data-open="true" data-variables='{"name":"Ada"}' data-api="https://app.example" async>
 *   </script>
 *
 * The API base defaults to the script's own origin. Nothing is added to the page but one host element per
 * chat, whose shadow root holds the whole widget. The JS API is `window.PixelChat` (see api-public.ts).
 */
import { install } from "./api-public.ts";
import type { Mode } from "./view.ts";
import { Widget } from "./widget.ts";

const registry = install();
const current = document.currentScript as HTMLScriptElement | null;
// `currentScript` is null when a loader runs the bundle: then every tag not mounted yet is taken.
const scripts = current?.dataset.deployment
  ? [current]
  : Array.from(document.querySelectorAll<HTMLScriptElement>("script[data-deployment]"));

for (const script of scripts) {
  const d = script.dataset;
  if (registry.scripts.has(script) || !d.deployment) continue;
  registry.scripts.add(script);
  let variables: unknown;
  try {
    variables = d.variables ? JSON.parse(d.variables) : undefined;
  } catch {
    console.warn("[pixel] data-variables is not valid JSON: it is ignored.");
  }
  const mode: Mode = d.mode === "popup" || d.mode === "inline" ? d.mode : "bubble";
  const api = (d.api || (script.src ? new URL(script.src, location.href).origin : location.origin)).replace(/\/+$/, "");
  const widget = new Widget(
    { slug: d.deployment, api, mode, target: d.target, open: d.open ? d.open === "true" : mode === "popup", variables },
    registry,
  );
  if (registry.add(widget)) widget.mount();
}
