// Share of checkout orders that carried a newsletter consent, per month: bars in plain SVG, with
// the figures in a table underneath for screen readers and exact reading.
import { formatMonth } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";

export type MonthRate = { month: string; orders: number; granted: number };

export function ConsentRateChart({ months }: { months: MonthRate[] }) {
  const { locale, t } = useTranslation();
  const label = (month: string) => formatMonth(locale, month);
  const rate = (m: MonthRate) => (m.orders === 0 ? 0 : m.granted / m.orders);
  const width = 640;
  const height = 180;
  const bar = width / months.length;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        role="img"
        aria-labelledby="consent-rate-title"
        style={{ width: "100%" }}
      >
        <title id="consent-rate-title">{t("consents.rateTitle")}</title>
        {[0.25, 0.5, 0.75, 1].map((y) => (
          <line key={y} x1={0} x2={width} y1={height * (1 - y)} y2={height * (1 - y)} stroke="#e1e3e5" />
        ))}
        {months.map((m, i) => {
          const h = Math.round(rate(m) * height);
          return (
            <g key={m.month}>
              <rect x={i * bar + 6} y={height - h} width={bar - 12} height={h} fill="#1f3a5f" rx={3}>
                <title>{`${label(m.month)}: ${Math.round(rate(m) * 100)} % (${m.granted}/${m.orders})`}</title>
              </rect>
              <text x={i * bar + bar / 2} y={height + 16} fontSize="11" textAnchor="middle" fill="#616a75">
                {label(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table style={{ width: "100%", fontSize: "0.8rem", borderCollapse: "collapse", marginTop: "0.5rem" }}>
        <caption style={{ textAlign: "left", color: "#616a75" }}>{t("consents.rateCaption")}</caption>
        <tbody>
          <tr>
            {months.map((m) => (
              <td key={m.month} style={{ textAlign: "center" }} data-testid={`rate-${m.month}`}>
                {m.orders === 0 ? "—" : `${Math.round(rate(m) * 100)} %`}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
