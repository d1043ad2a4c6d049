"use client";
import { Alert, Button, Dialog, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, Loader2 } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { COMPLEXITY_OPTIONS, complexityLabel, PRICE_TIER_OPTIONS, priceTierLabel } from "@/app/templates/labels";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TextAreaField } from "./bot-dialog";
import type { BotSummary, TemplateForBot } from "./types";

/** "a, b ,, c" → ["a", "b", "c"] */
export function listOf(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The field's message from a 400's field errors: its own path or any item of it ("tags.2"). */
function errorFor(errors: { path: string; message: string }[], field: string): string | undefined {
  return errors.find((error) => error.path === field || error.path.startsWith(`${field}.`))?.message;
}

function fieldErrorList(error: unknown): { path: string; message: string }[] {
  const data = (error as { data?: { fieldErrors?: { path: string; message: string }[] | null } } | null)?.data;
  return data?.fieldErrors ?? [];
}

const FORM_FIELDS = [
  "name",
  "description",
  "category",
  "industry",
  "useCase",
  "tags",
  "complexity",
  "priceTier",
  "setupMinutes",
  "languages",
  "defaultLanguage",
  "previewEmoji",
  "requiredIntegrations",
  "seoTitle",
  "seoDescription",
  "note",
  "visibility",
];

/**
 * Publishes the bot's newest published version as a gallery template (admins and owners). The first time it
 * creates the template; afterwards the form starts from the template's metadata and publishing makes a new version.
 */
export function PublishTemplateDialog({
  bot,
  open,
  onClose,
}: {
  bot: Pick<BotSummary, "id" | "name" | "description">;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const existing = useQuery(trpc.templates.forBot.queryOptions({ botId: bot.id }, { enabled: open, staleTime: 0 }));
  const title = existing.data ? `Republish “${existing.data.name}”` : `Publish “${bot.name}” as a template`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={title}
      description={
        existing.data
          ? `Version ${existing.data.version} is in the gallery. Publishing again makes a new version from the bot's newest published version.`
          : "The template is made from the bot's newest published version (not the unpublished draft)."
      }
    >
      {/* Defaults are read once, when the form mounts: wait for this bot's current answer, not a cached one. */}
      {existing.isPending || !existing.isFetchedAfterMount ? (
        <p className="flex items-center gap-2 py-6 text-sm text-slate-500" role="status">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Loading…
        </p>
      ) : existing.error ? (
        <Alert>{messageOf(existing.error)}</Alert>
      ) : (
        <PublishForm bot={bot} existing={existing.data ?? null} onClose={onClose} />
      )}
    </Dialog>
  );
}

type Existing = NonNullable<TemplateForBot>;

function PublishForm({
  bot,
  existing,
  onClose,
}: {
  bot: Pick<BotSummary, "id" | "name" | "description">;
  existing: Existing | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<{ slug: string; name: string; version: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const publish = useMutation(
    trpc.templates.publish.mutationOptions({
      onSuccess: (template) => {
        setDone({ slug: template.slug, name: template.name, version: template.version });
        // The dashboard's list; `forBot` is fetched afresh when the dialog opens next (and keeps this one's title).
        void queryClient.invalidateQueries({ queryKey: trpc.templates.mine.queryKey() });
      },
    }),
  );

  // A refused field may be far up the form: bring the first one into view, with the focus on it.
  useEffect(() => {
    if (!publish.error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [publish.error]);

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          Published “{done.name}” as version {done.version}.
        </Alert>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Done
          </Button>
          <Link
            href={`/templates/${done.slug}`}
            className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            data-autofocus
          >
            <ExternalLink className="size-4" aria-hidden />
            Open the template page
          </Link>
        </div>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    const optional = (key: string) => text(key) || undefined;
    const minutes = Number(text("setupMinutes"));
    publish.mutate({
      botId: bot.id,
      visibility: text("visibility") === "public" ? "public" : "organization",
      name: text("name"),
      description: text("description"),
      category: text("category"),
      industry: optional("industry"),
      useCase: optional("useCase"),
      tags: listOf(text("tags")),
      complexity: text("complexity") as (typeof COMPLEXITY_OPTIONS)[number],
      priceTier: text("priceTier") as (typeof PRICE_TIER_OPTIONS)[number],
      setupMinutes: Number.isFinite(minutes) ? minutes : 0,
      languages: listOf(text("languages")).map((code) => code.toLowerCase()),
      defaultLanguage: text("defaultLanguage").toLowerCase(),
      previewEmoji: optional("previewEmoji"),
      requiredIntegrations: listOf(text("requiredIntegrations")),
      seoTitle: optional("seoTitle"),
      seoDescription: optional("seoDescription"),
      note: optional("note"),
    });
  }

  const errors = fieldErrorList(publish.error);
  const error = (field: string) => errorFor(errors, field);
  const unplaced = errors.filter(
    (e) => !FORM_FIELDS.some((field) => e.path === field || e.path.startsWith(`${field}.`)),
  );
  const visibility = existing?.visibility ?? "organization";

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={existing?.name ?? bot.name}
        data-autofocus
        error={error("name")}
      />
      <TextAreaField
        label="Description"
        name="description"
        required
        maxLength={2000}
        defaultValue={existing?.description ?? bot.description ?? ""}
        hint="What the bot does and for whom: the gallery shows it on the card and searches it."
        error={error("description")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Category"
          name="category"
          required
          maxLength={80}
          placeholder="e.g. Support"
          defaultValue={existing?.category ?? ""}
          error={error("category")}
        />
        <TextField
          label="Industry (optional)"
          name="industry"
          maxLength={80}
          placeholder="e.g. Retail"
          defaultValue={existing?.industry ?? ""}
          error={error("industry")}
        />
        <TextField
          label="Use case (optional)"
          name="useCase"
          maxLength={80}
          placeholder="e.g. Order tracking"
          defaultValue={existing?.useCase ?? ""}
          error={error("useCase")}
        />
      </div>
      <TextField
        label="Tags"
        name="tags"
        placeholder="orders, returns, shipping"
        defaultValue={existing?.tags.join(", ") ?? ""}
        hint="Separated by commas; at most 12."
        error={error("tags")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Complexity"
          name="complexity"
          defaultValue={existing?.complexity ?? "beginner"}
          error={error("complexity")}
        >
          {COMPLEXITY_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {complexityLabel(value)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Price tier"
          name="priceTier"
          defaultValue={existing?.priceTier ?? "free"}
          error={error("priceTier")}
        >
          {PRICE_TIER_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {priceTierLabel(value)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Setup time (minutes)"
          name="setupMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          defaultValue={existing?.setupMinutes ?? 10}
          error={error("setupMinutes")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Languages"
          name="languages"
          defaultValue={existing?.languages.join(", ") ?? "en"}
          hint="Codes, e.g. en, fr, pt-br"
          error={error("languages")}
        />
        <TextField
          label="Default language"
          name="defaultLanguage"
          maxLength={12}
          defaultValue={existing?.defaultLanguage ?? "en"}
          error={error("defaultLanguage")}
        />
        <TextField
          label="Emoji (optional)"
          name="previewEmoji"
          maxLength={16}
          defaultValue={existing?.previewEmoji ?? ""}
          hint="On the card; 🤖 when empty."
          error={error("previewEmoji")}
        />
      </div>
      <TextField
        label="Required integrations (optional)"
        name="requiredIntegrations"
        placeholder="Shopify, Zendesk"
        defaultValue={existing?.requiredIntegrations.join(", ") ?? ""}
        hint="Separated by commas: what a user must connect for the bot to do its job."
        error={error("requiredIntegrations")}
      />
      <details
        className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800"
        open={Boolean(error("seoTitle") || error("seoDescription"))}
      >
        <summary className="cursor-pointer text-sm font-medium text-slate-800 dark:text-slate-200">
          Search engines (optional)
        </summary>
        <div className="mt-3 space-y-4 pb-1">
          <TextField
            label="SEO title"
            name="seoTitle"
            maxLength={120}
            defaultValue={existing?.seoTitle ?? ""}
            hint="The page title in search results; the name when empty."
            error={error("seoTitle")}
          />
          <TextAreaField
            label="SEO description"
            name="seoDescription"
            maxLength={300}
            rows={2}
            defaultValue={existing?.seoDescription ?? ""}
            hint="The snippet under the title; the description when empty."
            error={error("seoDescription")}
          />
        </div>
      </details>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">Who can find it</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <VisibilityChoice
            value="organization"
            defaultChecked={visibility === "organization"}
            title="Only my organization"
            text="Members see it in the gallery; nobody else does."
          />
          <VisibilityChoice
            value="public"
            defaultChecked={visibility === "public"}
            title="Public"
            text="Everyone can find, preview and use it, signed in or not."
          />
        </div>
        {error("visibility") ? (
          <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
            {error("visibility")}
          </p>
        ) : null}
      </fieldset>
      {existing ? (
        <TextField
          label="What changed? (optional)"
          name="note"
          maxLength={500}
          autoComplete="off"
          error={error("note")}
        />
      ) : null}
      {publish.error && (errors.length === 0 || unplaced.length > 0) ? (
        <Alert>{unplaced.length ? unplaced.map((e) => e.message).join(". ") : messageOf(publish.error)}</Alert>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={publish.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={publish.isPending}>
          {existing ? "Publish new version" : "Publish template"}
        </Button>
      </div>
    </form>
  );
}

function VisibilityChoice({
  value,
  defaultChecked,
  title,
  text,
}: {
  value: "organization" | "public";
  defaultChecked: boolean;
  title: string;
  text: string;
}) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950">
      <input
        type="radio"
        name="visibility"
        value={value}
        defaultChecked={defaultChecked}
        className="mt-0.5 accent-indigo-600"
      />
      <span>
        <span className="block font-medium text-slate-900 dark:text-slate-100">{title}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">{text}</span>
      </span>
    </label>
  );
}
