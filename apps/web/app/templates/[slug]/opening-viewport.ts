import type { FlowNode } from "@pixel/flow";

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A node card's size on the canvas, near enough to frame the flow before the cards are measured. */
const CARD = { width: 240, height: 140 };
const PADDING = 24;
/** Below this, cards cannot be told apart; a bigger flow opens at its start and the rest is a pan away. */
const MIN_ZOOM = 0.3;
const MAX_ZOOM = 1;

/**
 * Where the diagram opens: the whole flow when it fits at a readable zoom, else its top-left corner (where
 * flows start) at the smallest readable zoom.
 */
export function openingViewport(nodes: FlowNode[], width: number, height: number): Viewport {
  if (!nodes.length || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: MAX_ZOOM };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const boundsWidth = Math.max(...xs) + CARD.width - minX;
  const boundsHeight = Math.max(...ys) + CARD.height - minY;
  const fit = Math.min((width - 2 * PADDING) / boundsWidth, (height - 2 * PADDING) / boundsHeight);
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, fit));
  const centered = (size: number, bounds: number, min: number) => (size - bounds * zoom) / 2 - min * zoom;
  const fitsWide = boundsWidth * zoom <= width - 2 * PADDING;
  const fitsHigh = boundsHeight * zoom <= height - 2 * PADDING;
  return {
    zoom,
    x: fitsWide ? centered(width, boundsWidth, minX) : PADDING - minX * zoom,
    y: fitsHigh ? centered(height, boundsHeight, minY) : PADDING - minY * zoom,
  };
}
