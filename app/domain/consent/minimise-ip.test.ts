import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMinimisedIp, minimiseIp } from "./minimise-ip";

describe("minimiseIp", () => {
  it.each([
    ["203.0.113.42", "203.0.113.0/24"],
    ["  10.1.2.3 ", "10.1.2.0/24"],
    ["0.0.0.0", "0.0.0.0/24"],
    ["255.255.255.255", "255.255.255.0/24"],
  ])("keeps the /24 of IPv4 %j", (ip, prefix) => {
    expect(minimiseIp(ip)).toBe(prefix);
  });

  it.each([
    ["2001:db8:abcd:12:3456:789a:bcde:f012", "2001:db8:abcd::/48"],
    ["2001:DB8:0:1::1", "2001:db8::/48"],
    ["2001:0db8:0001:ffff::", "2001:db8:1::/48"],
    ["::1", "::/48"],
    ["fe80::1%eth0", "fe80::/48"],
    ["[2a01:cb00:1234:5600::42]", "2a01:cb00:1234::/48"],
    ["1:2:3:4:5:6:1.2.3.4", "1:2:3::/48"],
  ])("keeps the /48 of IPv6 %j, written as RFC 5952", (ip, prefix) => {
    expect(minimiseIp(ip)).toBe(prefix);
  });

  it.each([["::ffff:203.0.113.42"], ["::FFFF:cb00:712a"], ["0:0:0:0:0:ffff:203.0.113.42"]])(
    "treats the IPv4-mapped address %j as the IPv4 it carries",
    (ip) => {
      expect(minimiseIp(ip)).toBe("203.0.113.0/24");
    },
  );

  it.each([
    [""],
    ["not an ip"],
    ["256.1.1.1"],
    ["1.2.3"],
    ["1.2.3.4.5"],
    ["01.2.3.4"],
    ["1.2.3.-4"],
    ["1:2:3:4:5:6:7:8:9"],
    ["1:2:3:4:5:6:7"],
    ["1::2::3"],
    ["12345::"],
    ["2001:db8::g"],
    ["1.2.3.4::"],
    [":1"],
    ["1:2:3:4:5:6:7::8"],
    ["203.0.113.0/24"],
    [42],
    [null],
    [undefined],
    [{}],
  ])("returns null for garbage %j without throwing", (value) => {
    expect(minimiseIp(value)).toBeNull();
  });

  it("always yields a valid prefix for any IPv4 or IPv6 address (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => {
        const prefix = minimiseIp(ip);
        expect(prefix).not.toBeNull();
        expect(isMinimisedIp(prefix ?? "")).toBe(true);
      }),
    );
  });

  it("drops the last octet of every IPv4 address (property)", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(minimiseIp(ip)).toBe(`${ip.split(".").slice(0, 3).join(".")}.0/24`);
      }),
    );
  });
});

describe("isMinimisedIp", () => {
  it("accepts what minimiseIp produces", () => {
    expect(isMinimisedIp("203.0.113.0/24")).toBe(true);
    expect(isMinimisedIp("2001:db8:abcd::/48")).toBe(true);
  });

  it.each([["203.0.113.42"], ["203.0.113.5/24"], ["2001:db8::/64"], ["2001:db8:0::/48"], ["/24"], ["x"]])(
    "rejects %j, which is a full address or a non-canonical prefix",
    (value) => {
      expect(isMinimisedIp(value)).toBe(false);
    },
  );
});
