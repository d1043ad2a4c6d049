import type { FlowNode } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { openingViewport } from "@/app/templates/[slug]/opening-viewport";
import { activeFilterCount, galleryHref, pagerPages } from "@/app/templates/gallery-url";
import {
  complexityLabel,
  formatRating,
  formatSetupTime,
  labelOf,
  languageName,
  priceTierLabel,
  primaryColor,
  tagLabel,
  visualBackground,
} from "@/app/templates/labels";

describe("gallery links", () => {
  it("keep every filter, leave out empty values and page 1", () => {
    const query = { q: "tax planning", category: "legal", complexity: "advanced" as const, page: 1 };
    expect(galleryHref(query)).toBe("/templates?q=tax+planning&category=legal&complexity=advanced");
    expect(galleryHref(query, { page: 3 })).toBe("/templates?q=tax+planning&category=legal&complexity=advanced&page=3");
    expect(galleryHref({ page: 1 })).toBe("/templates");
    expect(galleryHref({ q: "  ", category: "", page: 2 })).toBe("/templates?page=2");
  });

  it("remove a value given as undefined and encode what needs it", () => {
    const query = { category: "Customer support", useCase: "a&b=c", sort: "rating" as const, page: 4 };
    expect(galleryHref(query, { category: undefined, page: 1 })).toBe("/templates?useCase=a%26b%3Dc&sort=rating");
  });

  it("count the filters, not the search or sort", () => {
    expect(activeFilterCount({ q: "x", sort: "newest" })).toBe(0);
    expect(activeFilterCount({ category: "legal", language: "en", priceTier: "pro" })).toBe(3);
  });

  it("show the first, the last and two pages either side, with gaps", () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerPages(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    // A gap of one page shows the page instead of "…".
    expect(pagerPages(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerPages(1, 20)).toEqual([1, 2, 3, null, 20]);
  });
});

describe("gallery labels", () => {
  it("turn catalogue keys into words, with initials in capitals", () => {
    expect(labelOf("financial_services")).toBe("Financial services");
    expect(labelOf("hr_people_ops")).toBe("HR people ops");
    expect(labelOf("Customer support")).toBe("Customer support");
    expect(tagLabel("financial_analysis")).toBe("financial analysis");
  });

  it("name levels, tiers and languages", () => {
    expect(complexityLabel("intermediate")).toBe("Intermediate");
    expect(priceTierLabel("enterprise")).toBe("Enterprise");
    expect(priceTierLabel("gold_plan")).toBe("Gold plan");
    expect(languageName("en")).toBe("English");
    expect(languageName("pt-br")).toMatch(/Portuguese/);
    expect(languageName("not a code")).toBe("not a code");
  });

  it("format setup time and ratings", () => {
    expect(formatSetupTime(5)).toBe("5 min");
    expect(formatSetupTime(90)).toBe("1 h 30 min");
    expect(formatSetupTime(120)).toBe("2 h");
    expect(formatSetupTime(0)).toBe("—");
    expect(formatRating(4.333)).toBe("4.3");
    expect(formatRating(5)).toBe("5.0");
  });

  it("use only hex theme colours", () => {
    expect(visualBackground({ primary: "#112233", accent: "#abc" })).toBe("linear-gradient(135deg, #112233, #abc)");
    expect(visualBackground({ primary: "red;background:url(x)", accent: "#abc" })).toBe(
      "linear-gradient(135deg, #4f46e5, #abc)",
    );
    expect(visualBackground(null)).toBe("linear-gradient(135deg, #4f46e5, #a5b4fc)");
    expect(primaryColor({ primary: "url(javascript:x)" })).toBeUndefined();
    expect(primaryColor({ primary: "#2E7D32" })).toBe("#2E7D32");
  });
});

function node(id: string, x: number, y: number): FlowNode {
  return { id, type: "message", position: { x, y }, data: { text: id } } as FlowNode;
}

describe("the diagram's opening view", () => {
  it("centres a small flow at full size", () => {
    const view = openingViewport([node("a", 0, 0), node("b", 300, 0)], 1000, 400);
    expect(view.zoom).toBe(1);
    // 540 px wide and 140 px high, centred in 1000 × 400.
    expect(view.x).toBe(230);
    expect(view.y).toBe(130);
  });

  it("shrinks a wider flow to fit", () => {
    const view = openingViewport([node("a", 0, 0), node("b", 1760, 0)], 1000, 400);
    expect(view.zoom).toBeCloseTo((1000 - 48) / 2000);
  });

  it("opens a big flow at its top-left corner at the smallest readable zoom", () => {
    const view = openingViewport([node("a", 100, 50), node("b", 6000, 4000)], 600, 400);
    expect(view).toEqual({ zoom: 0.3, x: 24 - 100 * 0.3, y: 24 - 50 * 0.3 });
  });

  it("copes with no nodes and no room", () => {
    expect(openingViewport([], 500, 500)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingViewport([node("a", 0, 0)], 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
