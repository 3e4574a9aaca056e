"use client";
// The comment textarea with @-mention suggestions: type "@" and the start of a member's name, pick
// with ↑/↓ and Enter (or Tab, or a click); Escape closes the list. Ctrl/⌘+Enter sends the form.
import { useId, useRef, useState } from "react";
import { insertMention, mentionQueryAt, suggestMembers, type MentionMember } from "@/lib/mentions";

const CONTROL_CLASS =
  "block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-sm leading-relaxed shadow-sm focus:border-accent aria-[invalid]:border-red-600";

export function CommentBox({
  id,
  label,
  value,
  onChange,
  members,
  errors,
  maxLength,
  rows = 3,
  placeholder,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly MentionMember[];
  errors?: string[];
  maxLength: number;
  rows?: number;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const suggestions = query && query.start !== dismissedAt && !typedInFull(query.query, members) ? suggestMembers(query.query, members) : [];
  const open = suggestions.length > 0;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const nearLimit = value.length > maxLength * 0.8;

  function track(text: string, caret: number) {
    const found = mentionQueryAt(text, caret);
    setQuery(found ? { ...found, caret } : null);
    if (!found || found.start !== query?.start) setActive(0);
  }

  function pick(member: MentionMember) {
    if (!query) return;
    const next = insertMention(value, query.start, query.caret, member, members);
    onChange(next.text);
    setQuery(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(query!.start);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={ref}
          id={id}
          name="body"
          rows={rows}
          value={value}
          placeholder={placeholder}
          autoFocus={autoFocus}
          dir="auto"
          className={CONTROL_CLASS}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[errors?.length ? errorId : "", hintId].filter(Boolean).join(" ")}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(Math.min(active, suggestions.length - 1)) : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setQuery(null)}
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="Mention a member"
            className="absolute left-0 top-full z-20 mt-1 max-h-64 w-72 max-w-full overflow-auto rounded-md border border-line bg-white py-1 shadow-lg"
          >
            {suggestions.map((member, i) => (
              <li
                key={member.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                // mousedown, not click: the textarea must not lose its caret first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(member);
                }}
                onMouseEnter={() => setActive(i)}
                className="cursor-pointer px-3 py-1.5 text-sm text-ink aria-selected:bg-stone-100"
              >
                {member.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={hintId} className="flex justify-between gap-3 text-xs text-muted">
        <span>Type @ to mention a member. Ctrl+Enter sends.</span>
        {nearLimit ? (
          <span className={value.length > maxLength ? "font-medium text-red-700" : ""}>
            {value.length.toLocaleString("en")} / {maxLength.toLocaleString("en")}
          </span>
        ) : null}
      </p>
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** "@Eddie Editor " typed out by hand: the name is complete, so Enter is a new line again. */
function typedInFull(query: string, members: readonly MentionMember[]): boolean {
  const name = query.trimEnd();
  return name !== query && members.some((m) => m.name.trim().toLocaleLowerCase("en") === name.toLocaleLowerCase("en"));
}
