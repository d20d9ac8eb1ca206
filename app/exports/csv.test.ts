import { describe, expect, it } from "vitest";
import { CsvTable, csvCell, csvField, csvLine, exportJson, neutraliseFormula } from "./csv";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+33 6 12 34 56 78", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "prefixes %j, which a spreadsheet would evaluate, with an apostrophe",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it("leaves other text alone, including formula characters further in", () => {
    expect(neutraliseFormula("Camille = cliente")).toBe("Camille = cliente");
    expect(neutraliseFormula("")).toBe("");
    expect(neutraliseFormula(" =1")).toBe(" =1");
  });
});

describe("csvCell", () => {
  it("writes null and undefined as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("writes numbers and booleans as JSON does, negative numbers unprefixed", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(12345678901234567890n)).toBe("12345678901234567890");
  });

  it("writes nested objects and arrays as JSON text, and dates in ISO 8601", () => {
    expect(csvCell({ amount: "59.00", tags: ["a", "b"] })).toBe('{"amount":"59.00","tags":["a","b"]}');
    expect(csvCell([])).toBe("[]");
    expect(csvCell(new Date("2026-11-26T09:30:00Z"))).toBe("2026-11-26T09:30:00.000Z");
    expect(csvCell({ big: 1n })).toBe('{"big":"1"}');
  });

  it("neutralises text but not the same characters in a number", () => {
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
  });
});

describe("csvField", () => {
  it("quotes a field holding a comma, a quote, CR or LF, and doubles its quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("leaves a plain field unquoted", () => {
    expect(csvField("Camille Martin")).toBe("Camille Martin");
    expect(csvField("'=1+1")).toBe("'=1+1");
  });
});

describe("csvLine", () => {
  it("joins fields with commas and ends the line with CRLF", () => {
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });
});

describe("CsvTable", () => {
  it("writes every row on the declared columns, in their order, whatever the record's key order", () => {
    const table = new CsvTable(["id", "total", "cancelledAt"]);

    expect(table.header).toBe("provided,id,total,cancelledAt\r\n");
    expect(table.line({ total: 5, id: "o1" }, false)).toBe("false,o1,5,\r\n");
    expect(table.line({ cancelledAt: "2026-11-20", id: "o2", total: null }, true)).toBe(
      "true,o2,,2026-11-20\r\n",
    );
  });

  it("quotes each cell of a row as RFC 4180 asks", () => {
    const table = new CsvTable(["note", "lines", "total"]);

    expect(table.line({ note: 'Dit "bonjour",\nau revoir', lines: [{ q: 1 }], total: -5 }, true)).toBe(
      'true,"Dit ""bonjour"",\nau revoir","[{""q"":1}]",-5\r\n',
    );
  });

  it("names the keys it has no column for", () => {
    const table = new CsvTable(["id"]);

    expect(table.undeclared({ id: 1, extra: 2, other: null })).toEqual(["extra", "other"]);
    expect(table.undeclared({ id: 1 })).toEqual([]);
  });
});

describe("exportJson", () => {
  it("writes bigints, however deep, as decimal text and everything else as JSON.stringify does", () => {
    const value = {
      id: 9_007_199_254_740_993n,
      nested: [{ seq: 2n }],
      at: new Date("2026-11-26T10:00:00Z"),
      n: 1,
    };

    expect(exportJson(value)).toBe(
      '{"id":"9007199254740993","nested":[{"seq":"2"}],"at":"2026-11-26T10:00:00.000Z","n":1}',
    );
    expect(exportJson({ plain: "é" })).toBe(JSON.stringify({ plain: "é" }));
    expect(csvCell({ big: 1n })).toBe('{"big":"1"}');
  });
});
