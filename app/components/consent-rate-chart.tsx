// Share of checkout orders that carried a newsletter consent, per month: bars in plain SVG, each
// with its percentage above it, and the figures in a table underneath for screen readers and exact
// reading, its columns as wide as the bars' slots so that each figure sits under its bar.
import { formatMonth } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";

export type MonthRate = { month: string; orders: number; granted: number };

export function ConsentRateChart({ months }: { months: MonthRate[] }) {
  const { locale, t } = useTranslation();
  const label = (month: string) => formatMonth(locale, month);
  const rate = (m: MonthRate) => (m.orders === 0 ? 0 : m.granted / m.orders);
  const width = 640;
  const height = 180;
  const top = 18;
  const bar = width / months.length;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${top + height + 24}`}
        role="img"
        aria-labelledby="consent-rate-title"
        style={{ width: "100%" }}
      >
        <title id="consent-rate-title">{t("consents.rateTitle")}</title>
        {[0.25, 0.5, 0.75, 1].map((y) => (
          <line
            key={y}
            x1={0}
            x2={width}
            y1={top + height * (1 - y)}
            y2={top + height * (1 - y)}
            stroke="#e1e3e5"
          />
        ))}
        {months.map((m, i) => {
          const h = Math.round(rate(m) * height);
          return (
            <g key={m.month}>
              <rect
                x={i * bar + 6}
                y={top + height - h}
                width={bar - 12}
                height={h}
                fill="#1f3a5f"
                rx={3}
                data-testid={`bar-${m.month}`}
              >
                <title>{`${label(m.month)}: ${percent.format(rate(m))} (${m.granted}/${m.orders})`}</title>
              </rect>
              {m.orders > 0 && (
                <text
                  x={i * bar + bar / 2}
                  y={top + height - h - 5}
                  fontSize="12"
                  textAnchor="middle"
                  fill="#303030"
                >
                  {percent.format(rate(m))}
                </text>
              )}
              <text
                x={i * bar + bar / 2}
                y={top + height + 16}
                fontSize="11"
                textAnchor="middle"
                fill="#616a75"
              >
                {label(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table
        style={{
          width: "100%",
          tableLayout: "fixed",
          fontSize: "0.8rem",
          borderCollapse: "collapse",
          marginTop: "0.5rem",
        }}
      >
        <caption style={{ textAlign: "left", color: "#616a75" }}>{t("consents.rateCaption")}</caption>
        <tbody>
          <tr>
            {months.map((m) => (
              <td key={m.month} style={{ textAlign: "center", padding: 0 }} data-testid={`rate-${m.month}`}>
                {m.orders === 0 ? "—" : percent.format(rate(m))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
