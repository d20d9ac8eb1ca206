import { AppError } from "../errors";
import { addDays, dayOfWeek, type LocalDate, parseLocalDate } from "./local-date";

/** Which set of French public holidays applies to the shop. */
export type HolidayRegion = "metropolitan" | "alsace-moselle";

/** Options shared by every working-day function. Default region: metropolitan. */
export type HolidayOptions = { region?: HolidayRegion };

export type HolidayKey =
  | "new_year"
  | "good_friday"
  | "easter_monday"
  | "labour_day"
  | "victory_1945"
  | "ascension"
  | "whit_monday"
  | "bastille_day"
  | "assumption"
  | "all_saints"
  | "armistice_1918"
  | "christmas"
  | "st_stephen";

export type PublicHoliday = { date: LocalDate; key: HolidayKey };

const FIRST_GREGORIAN_YEAR = 1583;

function ymd(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}

/**
 * Easter Sunday of a Gregorian `year` (anonymous Gregorian computus, Meeus/Jones/Butcher). Throws
 * `INVALID_LOCAL_DATE` before 1583, where the Gregorian rules did not apply.
 */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > 9999) {
    throw new AppError("INVALID_LOCAL_DATE", `No Gregorian Easter for year ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const cache = new Map<string, PublicHoliday[]>();

/** The French public holidays of `year`, sorted by date. */
export function frenchPublicHolidays(year: number, options: HolidayOptions = {}): readonly PublicHoliday[] {
  const region = options.region ?? "metropolitan";
  const cacheKey = `${region}:${year}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const easter = easterSunday(year);
  // Code du travail art. L3133-1: the eleven public holidays (Whit Monday stays a holiday even where it is worked).
  const holidays: PublicHoliday[] = [
    { date: ymd(year, 1, 1), key: "new_year" },
    { date: addDays(easter, 1), key: "easter_monday" },
    { date: ymd(year, 5, 1), key: "labour_day" },
    { date: ymd(year, 5, 8), key: "victory_1945" },
    { date: addDays(easter, 39), key: "ascension" },
    { date: addDays(easter, 50), key: "whit_monday" },
    { date: ymd(year, 7, 14), key: "bastille_day" },
    { date: ymd(year, 8, 15), key: "assumption" },
    { date: ymd(year, 11, 1), key: "all_saints" },
    { date: ymd(year, 11, 11), key: "armistice_1918" },
    { date: ymd(year, 12, 25), key: "christmas" },
  ];
  if (region === "alsace-moselle") {
    // Code du travail art. L3134-13: Good Friday and 26 December are also holidays in Moselle, Bas-Rhin, Haut-Rhin.
    holidays.push(
      { date: addDays(easter, -2), key: "good_friday" },
      { date: ymd(year, 12, 26), key: "st_stephen" },
    );
  }
  holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(cacheKey, holidays);
  return holidays;
}

/** True when `date` is a French public holiday for the region. */
export function isPublicHoliday(date: LocalDate, options: HolidayOptions = {}): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4)), options).some((h) => h.date === date);
}

/** True unless `date` is a Saturday, a Sunday or a public holiday. */
export function isWorkingDay(date: LocalDate, options: HolidayOptions = {}): boolean {
  // Regulation 1182/71 art. 2(2) and 3(4): working days exclude Saturdays, Sundays and public holidays.
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, options);
}

/** `date` itself when it is a working day, otherwise the next working day after it. */
export function nextWorkingDayOnOrAfter(date: LocalDate, options: HolidayOptions = {}): LocalDate {
  // Regulation 1182/71 art. 3(4): a period ending on a holiday, Saturday or Sunday ends on the next working day.
  let day = date;
  while (!isWorkingDay(day, options)) day = addDays(day, 1);
  return day;
}
