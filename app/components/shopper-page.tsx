import type { ReactNode } from "react";

/** A plain page for shoppers (links from e-mails, the privacy centre outside the theme). */
export function ShopperPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main
      style={{
        maxWidth: "36rem",
        margin: "10vh auto",
        padding: "2rem",
        fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
        lineHeight: 1.5,
        color: "#1f2933",
        border: "1px solid #e4e7eb",
        borderRadius: "12px",
      }}
    >
      <h1 style={{ fontSize: "1.4rem", marginTop: 0 }}>{title}</h1>
      {children}
    </main>
  );
}

export const shopperButtonStyle = {
  background: "#1f3a5f",
  color: "#fff",
  border: 0,
  borderRadius: "8px",
  padding: "0.7rem 1.2rem",
  fontSize: "1rem",
  cursor: "pointer",
} as const;
