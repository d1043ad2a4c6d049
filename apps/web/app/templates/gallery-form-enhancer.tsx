"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * The gallery form without full page loads: a changed select applies at once, Search goes through the router,
 * and empty fields stay out of the address. The form's fields follow the address on Back/Forward and on the
 * page's own links (chips, "Clear filters"). Renders nothing; the form works without it.
 */
export function GalleryFormEnhancer({ formId, resultsId }: { formId: string; resultsId: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const go = () => {
      const next = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim()) next.set(key, value.trim());
      }
      const search = next.toString();
      startTransition(() => router.push(search ? `/templates?${search}` : "/templates", { scroll: false }));
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      go();
    };
    // Selects of the form, inside it or tied to it with the `form` attribute (the sort sits by the results).
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLSelectElement && event.target.form === form) go();
    };
    form.addEventListener("submit", onSubmit);
    document.addEventListener("change", onChange);
    return () => {
      form.removeEventListener("submit", onSubmit);
      document.removeEventListener("change", onChange);
    };
  }, [formId, router]);

  // Uncontrolled fields keep what was typed or chosen; after a navigation they show what the address says.
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLSelectElement || element instanceof HTMLInputElement) || !element.name) continue;
      let wanted = params.get(element.name) ?? "";
      // A value the page did not offer (ignored by the server, with a notice) shows as the default choice.
      if (element instanceof HTMLSelectElement && !Array.from(element.options).some((o) => o.value === wanted)) {
        wanted = "";
      }
      // The search box is left alone while the visitor is typing in it.
      if (element.value !== wanted && !(element instanceof HTMLInputElement && element === document.activeElement)) {
        element.value = wanted;
      }
    }
  }, [formId, params]);

  useEffect(() => {
    const results = document.getElementById(resultsId);
    if (!results) return;
    if (pending) results.setAttribute("aria-busy", "true");
    else results.removeAttribute("aria-busy");
  }, [pending, resultsId]);

  return null;
}
