"use client";
import { Copy, ExternalLink, LayoutTemplate, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export type BotAction = "rename" | "duplicate" | "publish-template" | "delete";

const itemClass =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-slate-700 outline-none hover:bg-slate-100 focus:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}

/**
 * The ⋯ menu of a bot card, for editors and up (menu button pattern): arrow keys move between items, Escape closes it and
 * returns focus to the button, a click outside or Tab closes it.
 */
export function BotActionsMenu({
  botName,
  href,
  busy,
  canPublishTemplate = false,
  onAction,
}: {
  botName: string;
  href: string;
  busy?: boolean;
  /** Admins and owners publish bots as gallery templates. */
  canPublishTemplate?: boolean;
  /** `button` is the menu's trigger, to give focus back to once a dialog closes. */
  onAction: (action: BotAction, button: HTMLButtonElement | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuItems(menuRef.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = menuItems(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(false);
  }

  function choose(action: BotAction) {
    setOpen(false);
    onAction(action, buttonRef.current);
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={`Actions for ${botName}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="grid size-8 place-items-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
      >
        {busy ? (
          <span
            className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent"
            aria-hidden
          />
        ) : (
          <MoreHorizontal className="size-4" aria-hidden />
        )}
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={`Actions for ${botName}`}
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-20 mt-1 w-52 rounded-xl border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          <Link href={href} role="menuitem" tabIndex={-1} className={itemClass}>
            <ExternalLink className="size-4 text-slate-400" aria-hidden />
            Open
          </Link>
          <button type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => choose("rename")}>
            <Pencil className="size-4 text-slate-400" aria-hidden />
            Rename
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => choose("duplicate")}>
            <Copy className="size-4 text-slate-400" aria-hidden />
            Duplicate
          </button>
          {canPublishTemplate ? (
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={itemClass}
              onClick={() => choose("publish-template")}
            >
              <LayoutTemplate className="size-4 text-slate-400" aria-hidden />
              Publish as template
            </button>
          ) : null}
          <hr className="my-1 border-slate-200 dark:border-slate-800" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={`${itemClass} text-rose-700 dark:text-rose-400`}
            onClick={() => choose("delete")}
          >
            <Trash2 className="size-4" aria-hidden />
            Delete
          </button>
        </div>
      ) : null}
    </div>
  );
}
