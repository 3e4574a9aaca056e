import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-ink text-white hover:bg-black disabled:bg-slate-400",
  secondary: "border border-line bg-white text-ink hover:bg-stone-50",
  danger: "border border-red-200 bg-white text-red-800 hover:bg-red-50",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  return (
    <button
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
