// A readable diff between two versions of the notice: lines kept, removed and added, in order
// (longest common subsequence; notices are a few hundred lines at most).

export type DiffLine = { op: "same" | "removed" | "added"; text: string };

export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // lcs(i, j): length of the longest common subsequence of before[i..] and after[j..].
  const table = new Int32Array((n + 1) * (m + 1));
  const lcs = (i: number, j: number) => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        before[i] === after[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ op: "same", text: before[i] ?? "" });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs(i + 1, j) >= lcs(i, j + 1))) {
      out.push({ op: "removed", text: before[i] ?? "" });
      i++;
    } else {
      out.push({ op: "added", text: after[j] ?? "" });
      j++;
    }
  }
  return out;
}
